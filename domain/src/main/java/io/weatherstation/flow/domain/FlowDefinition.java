package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.NodeId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A flow as registered: the normalised form of a Weather Syntax document that passed
 * validation (see {@link WeatherSyntax#read}).
 *
 * <p>Invariants: at least one node; node ids unique; every edge joins two nodes of this
 * definition; {@code maxConcurrentCycles ≥ 1}. Handle, parameter and acyclicity rules need the
 * node catalog and are enforced by {@link WeatherSyntax}, not here.
 *
 * @param name                optional display name
 * @param schedule            when cycles run
 * @param maxConcurrentCycles a due tick while this many cycles still run is skipped, never queued
 * @param nodes               in document order
 * @param edges               in document order
 * @param extras              top-level fields the station keeps but does not interpret
 */
public record FlowDefinition(
        @Nullable String name,
        Schedule schedule,
        int maxConcurrentCycles,
        List<NodeDefinition> nodes,
        List<EdgeDefinition> edges,
        Map<String, @Nullable Object> extras) {

    public static final int DEFAULT_MAX_CONCURRENT_CYCLES = 1;

    public FlowDefinition {
        Objects.requireNonNull(schedule, "schedule");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        extras = JsonTrees.freezeObject(extras);
        if (maxConcurrentCycles < 1) {
            throw new IllegalArgumentException("maxConcurrentCycles must be at least 1, was " + maxConcurrentCycles);
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a flow has at least one node");
        }
        Set<NodeId> ids = new HashSet<>();
        for (NodeDefinition node : nodes) {
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("duplicate node id " + node.id());
            }
        }
        for (EdgeDefinition edge : edges) {
            if (!ids.contains(edge.source()) || !ids.contains(edge.target())) {
                throw new IllegalArgumentException("edge " + edge + " joins a node that is not in the flow");
            }
        }
    }

    public Optional<NodeDefinition> node(NodeId id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Node ids in document order. */
    public List<NodeId> nodeIds() {
        return nodes.stream().map(NodeDefinition::id).toList();
    }

    /** Edges arriving at {@code id}, in document order. */
    public List<EdgeDefinition> incomingEdges(NodeId id) {
        return edges.stream().filter(e -> e.target().equals(id)).toList();
    }

    /** Edges leaving {@code id}, in document order. */
    public List<EdgeDefinition> outgoingEdges(NodeId id) {
        return edges.stream().filter(e -> e.source().equals(id)).toList();
    }
}
