package io.weatherstation.flow.domain;

import static io.weatherstation.flow.domain.StructureAnalyzerTest.edge;
import static io.weatherstation.flow.domain.StructureAnalyzerTest.nodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.weatherstation.shared.domain.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowGraphTest {

    //   price ─→ signal ─→ buy
    //     └────→ ai ──────↗      notify (alone)
    private final FlowGraph graph = FlowGraph.of(
            nodes("notify", "buy", "ai", "signal", "price"),
            List.of(edge("price", "signal"), edge("price", "ai"), edge("signal", "buy"), edge("ai", "buy")));

    @Test
    void upstream_is_everything_the_node_transitively_depends_on() {
        assertThat(graph.upstreamOf(NodeId.of("buy"), false)).isEqualTo(nodes("ai", "signal", "price"));
        assertThat(graph.upstreamOf(NodeId.of("buy"), true)).isEqualTo(nodes("buy", "ai", "signal", "price"));
        assertThat(graph.upstreamOf(NodeId.of("price"), false)).isEmpty();
    }

    @Test
    void downstream_is_everything_the_node_transitively_feeds() {
        assertThat(graph.downstreamOf(NodeId.of("price"), false)).isEqualTo(nodes("buy", "ai", "signal"));
        assertThat(graph.downstreamOf(NodeId.of("signal"), true)).isEqualTo(nodes("buy", "signal"));
        assertThat(graph.downstreamOf(NodeId.of("notify"), false)).isEmpty();
    }

    @Test
    void direct_neighbours_come_in_definition_order() {
        assertThat(graph.directDownstreamOf(NodeId.of("price"))).isEqualTo(nodes("ai", "signal"));
        assertThat(graph.directUpstreamOf(NodeId.of("buy"))).isEqualTo(nodes("ai", "signal"));
    }

    @Test
    void topological_order_breaks_ties_by_definition_order() {
        assertThat(graph.topologicalOrder()).isEqualTo(nodes("notify", "price", "ai", "signal", "buy"));
    }

    @Test
    void orders_a_selection_for_a_partial_run() {
        assertThat(graph.topologicalOrderOf(nodes("buy", "signal", "price")))
                .isEqualTo(nodes("price", "signal", "buy"));
    }

    @Test
    void a_graph_with_a_cycle_has_no_topological_order() {
        FlowGraph cyclic = FlowGraph.of(nodes("a", "b", "c"), List.of(edge("a", "b"), edge("b", "c"), edge("c", "b")));

        assertThat(cyclic.isAcyclic()).isFalse();
        assertThatIllegalStateException().isThrownBy(cyclic::topologicalOrder).withMessageContaining("cycle");
    }

    @Test
    void a_trigger_on_a_cycle_is_left_out_unless_asked_for() {
        FlowGraph cyclic = FlowGraph.of(nodes("a", "b"), List.of(edge("a", "b"), edge("b", "a")));

        assertThat(cyclic.downstreamOf(NodeId.of("a"), false)).isEqualTo(nodes("b"));
        assertThat(cyclic.upstreamOf(NodeId.of("a"), true)).isEqualTo(nodes("a", "b"));
    }

    @Test
    void unknown_nodes_are_rejected() {
        assertThat(graph.contains(NodeId.of("ghost"))).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> graph.downstreamOf(NodeId.of("ghost"), true))
                .withMessageContaining("unknown node 'ghost'");
        assertThatIllegalArgumentException().isThrownBy(() -> graph.topologicalOrderOf(nodes("ghost")));
    }

    @Test
    void duplicate_edges_are_collapsed() {
        FlowGraph doubled = FlowGraph.of(nodes("a", "b"), List.of(edge("a", "b"), edge("a", "b")));

        assertThat(doubled.directDownstreamOf(NodeId.of("a"))).isEqualTo(nodes("b"));
        assertThat(doubled.topologicalOrder()).isEqualTo(nodes("a", "b"));
    }
}
