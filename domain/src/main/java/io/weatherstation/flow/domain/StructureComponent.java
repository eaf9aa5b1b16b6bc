package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One connected component of a flow graph. Components are isolated from each other: a stop or
 * a failure in one never affects another, and signals never cross them.
 *
 * @param id         stable id, 0, 1, … ordered by the smallest node index in the definition
 * @param nodes      the component's nodes in definition order; never empty
 * @param entryNodes nodes with no incoming edge inside the component, in definition order;
 *                   dispatched first when a cycle starts
 * @param dag        whether the component has no directed cycle
 * @param cyclePath  empty when {@code dag}; otherwise one directed cycle of the component as a
 *                   closed walk that starts and ends on the same node, e.g. {@code [a, b, c, a]}
 *                   ({@code [a, a]} for a self-loop)
 */
public record StructureComponent(
        ComponentId id,
        List<NodeId> nodes,
        List<NodeId> entryNodes,
        boolean dag,
        List<NodeId> cyclePath) {

    public StructureComponent {
        Objects.requireNonNull(id, "id");
        nodes = List.copyOf(nodes);
        entryNodes = List.copyOf(entryNodes);
        cyclePath = List.copyOf(cyclePath);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("component " + id + " has no nodes");
        }
        Set<NodeId> members = new HashSet<>(nodes);
        if (members.size() != nodes.size()) {
            throw new IllegalArgumentException("component " + id + " lists a node twice: " + nodes);
        }
        if (new HashSet<>(entryNodes).size() != entryNodes.size() || !members.containsAll(entryNodes)) {
            throw new IllegalArgumentException(
                    "component " + id + ": entry nodes " + entryNodes + " must be distinct members of " + nodes);
        }
        if (dag && !cyclePath.isEmpty()) {
            throw new IllegalArgumentException("component " + id + " is a DAG but has a cycle path " + cyclePath);
        }
        // A finite graph without a cycle always has a node nothing points to.
        if (dag && entryNodes.isEmpty()) {
            throw new IllegalArgumentException("component " + id + " is a DAG but has no entry node");
        }
        if (!dag) {
            if (cyclePath.size() < 2 || !cyclePath.getFirst().equals(cyclePath.getLast())) {
                throw new IllegalArgumentException("component " + id
                        + " has a cycle, so its cycle path must start and end on the same node (was " + cyclePath + ")");
            }
            if (!members.containsAll(cyclePath)) {
                throw new IllegalArgumentException(
                        "component " + id + ": cycle path " + cyclePath + " leaves the component");
            }
        }
    }

    /** A component without a cycle. */
    public static StructureComponent acyclic(ComponentId id, List<NodeId> nodes, List<NodeId> entryNodes) {
        return new StructureComponent(id, nodes, entryNodes, true, List.of());
    }

    /** A component with the given cycle. */
    public static StructureComponent cyclic(
            ComponentId id, List<NodeId> nodes, List<NodeId> entryNodes, List<NodeId> cyclePath) {
        return new StructureComponent(id, nodes, entryNodes, false, cyclePath);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public boolean contains(NodeId node) {
        return nodes.contains(node);
    }

    public boolean isEntryNode(NodeId node) {
        return entryNodes.contains(node);
    }

    /** The cycle as people read it, e.g. {@code "a → b → c → a"}; empty for a DAG. */
    public String cycleDescription() {
        return cyclePath.stream().map(NodeId::value).collect(Collectors.joining(" → "));
    }
}
