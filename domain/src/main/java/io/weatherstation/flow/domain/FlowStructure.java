package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of structure analysis: the connected components of a flow, in id order.
 * Every node belongs to exactly one component.
 *
 * <p>Stored with the flow as the {@code structure} document (see {@link #toDocument()}).
 */
public record FlowStructure(List<StructureComponent> components) {

    static final String COMPONENT_COUNT = "component_count";
    static final String COMPONENTS = "components";
    static final String NODES = "nodes";
    static final String ENTRY_NODES = "entry_nodes";
    static final String NODE_COUNT = "node_count";
    static final String IS_DAG = "is_dag";
    /** Only present on a component with a cycle; registered flows never have one. */
    static final String CYCLE = "cycle";

    public FlowStructure {
        components = List.copyOf(components);
        Map<NodeId, ComponentId> seen = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            StructureComponent component = components.get(i);
            if (component.id().value() != i) {
                throw new IllegalArgumentException(
                        "component ids must be 0, 1, … in order; position " + i + " holds component " + component.id());
            }
            for (NodeId node : component.nodes()) {
                ComponentId other = seen.putIfAbsent(node, component.id());
                if (other != null) {
                    throw new IllegalArgumentException(
                            "node '" + node + "' is in component " + other + " and in component " + component.id());
                }
            }
        }
    }

    public int componentCount() {
        return components.size();
    }

    public int nodeCount() {
        return components.stream().mapToInt(StructureComponent::nodeCount).sum();
    }

    /**
     * The component with this id.
     *
     * @throws NoSuchElementException when there is none
     */
    public StructureComponent component(ComponentId id) {
        if (id.value() >= components.size()) {
            throw new NoSuchElementException(
                    "no component " + id + " (the flow has " + components.size() + ")");
        }
        return components.get(id.value());
    }

    /**
     * The component holding {@code node}.
     *
     * @throws NoSuchElementException when the node is not part of the flow
     */
    public StructureComponent componentOf(NodeId node) {
        return findComponentOf(node)
                .orElseThrow(() -> new NoSuchElementException("node '" + node + "' is not part of the flow"));
    }

    /** The component holding {@code node}, or empty when the node is not part of the flow. */
    public Optional<StructureComponent> findComponentOf(NodeId node) {
        return components.stream().filter(c -> c.contains(node)).findFirst();
    }

    /** True when no component has a directed cycle. */
    public boolean isDag() {
        return components.stream().allMatch(StructureComponent::dag);
    }

    /** The cycle of the first component (by id) that has one. */
    public Optional<List<NodeId>> firstCycle() {
        return components.stream()
                .filter(c -> !c.dag())
                .findFirst()
                .map(StructureComponent::cyclePath);
    }

    /**
     * The stored {@code structure} JSON tree:
     * <pre>{@code
     * {"component_count": 2,
     *  "components": {"0": {"nodes": ["a","b"], "entry_nodes": ["a"], "node_count": 2, "is_dag": true},
     *                 "1": {...}}}
     * }</pre>
     * built from {@link LinkedHashMap}, {@link List}, {@link String}, {@link Integer} and
     * {@link Boolean} only, so any JSON mapper writes it as is. A component with a cycle also
     * carries {@code "cycle": ["a","b","a"]}, so the document reads back to an equal structure;
     * flows with a cycle are rejected at registration, so stored documents never have it.
     */
    public Map<String, Object> toDocument() {
        Map<String, Object> byId = new LinkedHashMap<>();
        for (StructureComponent component : components) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(NODES, names(component.nodes()));
            entry.put(ENTRY_NODES, names(component.entryNodes()));
            entry.put(NODE_COUNT, component.nodeCount());
            entry.put(IS_DAG, component.dag());
            if (!component.dag()) {
                entry.put(CYCLE, names(component.cyclePath()));
            }
            byId.put(component.id().toString(), entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(COMPONENT_COUNT, components.size());
        document.put(COMPONENTS, byId);
        return document;
    }

    /**
     * Reads a document written by {@link #toDocument()} (after a trip through JSON: any
     * integral {@link Number} is accepted for counts).
     *
     * @throws IllegalArgumentException when the document is malformed or inconsistent
     */
    public static FlowStructure fromDocument(Map<String, Object> document) {
        int count = integer(document.get(COMPONENT_COUNT), COMPONENT_COUNT);
        Map<?, ?> byId = map(document.get(COMPONENTS), COMPONENTS);
        if (byId.size() != count) {
            throw malformed(COMPONENT_COUNT + " is " + count + " but " + byId.size() + " components are listed");
        }
        List<StructureComponent> components = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = Integer.toString(i);
            String where = COMPONENTS + "." + key;
            Map<?, ?> entry = map(byId.get(key), where);
            List<NodeId> nodes = nodeIds(entry.get(NODES), where + "." + NODES);
            List<NodeId> entryNodes = nodeIds(entry.get(ENTRY_NODES), where + "." + ENTRY_NODES);
            int nodeCount = integer(entry.get(NODE_COUNT), where + "." + NODE_COUNT);
            if (nodeCount != nodes.size()) {
                throw malformed(where + "." + NODE_COUNT + " is " + nodeCount + " but " + nodes.size() + " nodes are listed");
            }
            if (!(entry.get(IS_DAG) instanceof Boolean dag)) {
                throw malformed(where + "." + IS_DAG + " must be a boolean");
            }
            List<NodeId> cycle = dag ? List.of() : nodeIds(entry.get(CYCLE), where + "." + CYCLE);
            try {
                components.add(new StructureComponent(ComponentId.of(i), nodes, entryNodes, dag, cycle));
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage());
            }
        }
        try {
            return new FlowStructure(components);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static List<String> names(List<NodeId> nodes) {
        List<String> names = new ArrayList<>(nodes.size());
        for (NodeId node : nodes) {
            names.add(node.value());
        }
        return names;
    }

    private static int integer(@Nullable Object value, String where) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            if (number >= 0 && number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw malformed(where + " must be a non-negative integer (was " + value + ")");
    }

    private static Map<?, ?> map(@Nullable Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw malformed(where + " must be an object");
    }

    private static List<NodeId> nodeIds(@Nullable Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw malformed(where + " must be a list of node ids");
        }
        List<NodeId> nodes = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String name)) {
                throw malformed(where + " must be a list of node ids (found " + item + ")");
            }
            try {
                nodes.add(NodeId.of(name));
            } catch (IllegalArgumentException e) {
                throw malformed(where + ": " + e.getMessage());
            }
        }
        return nodes;
    }

    private static IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException("malformed structure document: " + problem);
    }
}
