package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.NodeId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The part of a flow a partial run runs: the selected nodes in topological order, the edges
 * between them, and the boundary edges — edges into a selected node from a node left out, whose
 * input the run must get some other way (a supplied value) or go without.
 *
 * @param trigger       the node the run is built around
 * @param mode          how the nodes were chosen
 * @param nodes         the selected nodes, in the flow's topological order (dispatch order)
 * @param internalEdges edges between selected nodes, in definition order
 * @param boundaryEdges edges from a node left out into a selected node, in definition order
 */
public record PartialRunSelection(NodeId trigger, PartialRunMode mode, List<NodeId> nodes,
        List<EdgeDefinition> internalEdges, List<EdgeDefinition> boundaryEdges) {

    public PartialRunSelection {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(mode, "mode");
        nodes = List.copyOf(nodes);
        internalEdges = List.copyOf(internalEdges);
        boundaryEdges = List.copyOf(boundaryEdges);
        if (!nodes.contains(trigger)) {
            throw new IllegalArgumentException("the selection must contain its trigger node " + trigger);
        }
    }

    /**
     * Selects the nodes of {@code definition} a partial run in {@code mode} around {@code trigger}
     * runs.
     *
     * @throws IllegalArgumentException when {@code trigger} is not a node of the definition
     */
    public static PartialRunSelection select(FlowDefinition definition, NodeId trigger, PartialRunMode mode) {
        Objects.requireNonNull(definition, "definition");
        if (definition.node(trigger).isEmpty()) {
            throw new IllegalArgumentException("node " + trigger + " is not part of the flow");
        }
        List<DirectedEdge> directed = definition.edges().stream()
                .map(e -> new DirectedEdge(e.source(), e.target())).toList();
        FlowGraph graph = FlowGraph.of(definition.nodeIds(), directed);
        List<NodeId> chosen = switch (mode) {
            case SINGLE -> List.of(trigger);
            case UPSTREAM -> graph.upstreamOf(trigger, true);
            case DOWNSTREAM -> graph.downstreamOf(trigger, true);
            case COMPONENT -> List.copyOf(StructureAnalyzer.analyze(definition.nodeIds(), directed)
                    .componentOf(trigger).nodes());
        };
        Set<NodeId> selected = new LinkedHashSet<>(chosen);
        List<EdgeDefinition> internal = definition.edges().stream()
                .filter(e -> selected.contains(e.source()) && selected.contains(e.target())).toList();
        List<EdgeDefinition> boundary = definition.edges().stream()
                .filter(e -> !selected.contains(e.source()) && selected.contains(e.target())).toList();
        return new PartialRunSelection(trigger, mode, graph.topologicalOrderOf(selected), internal, boundary);
    }

    /**
     * The definition the partial run executes: the selected nodes (in the original definition
     * order) and the edges between them; boundary edges are left out, so nothing waits for a node
     * that does not run. Schedule and options are the flow's (the schedule is not used).
     */
    public FlowDefinition toDefinition(FlowDefinition original) {
        Set<NodeId> selected = Set.copyOf(nodes);
        return new FlowDefinition(original.name(), original.schedule(), original.maxConcurrentCycles(),
                original.nodes().stream().filter(n -> selected.contains(n.id())).toList(), internalEdges,
                original.extras());
    }

    public boolean contains(NodeId node) {
        return nodes.contains(node);
    }
}
