package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StructureAnalyzerTest {

    static List<NodeId> nodes(String... ids) {
        return Arrays.stream(ids).map(NodeId::of).toList();
    }

    static DirectedEdge edge(String source, String target) {
        return DirectedEdge.of(source, target);
    }

    @Nested
    class Components {

        @Test
        void a_connected_flow_is_one_component_with_id_zero() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("price", "signal", "buy"),
                    List.of(edge("price", "signal"), edge("signal", "buy")));

            assertThat(structure.componentCount()).isEqualTo(1);
            StructureComponent only = structure.component(ComponentId.of(0));
            assertThat(only.nodes()).isEqualTo(nodes("price", "signal", "buy"));
            assertThat(only.nodeCount()).isEqualTo(3);
        }

        @Test
        void component_ids_follow_the_smallest_node_index_in_the_definition() {
            // c-d is found from c (index 0); a-b from a (index 1); e alone from index 4.
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("c", "a", "b", "d", "e"),
                    List.of(edge("a", "b"), edge("d", "c")));

            assertThat(structure.components())
                    .extracting(StructureComponent::nodes)
                    .containsExactly(nodes("c", "d"), nodes("a", "b"), nodes("e"));
            assertThat(structure.components())
                    .extracting(c -> c.id().value())
                    .containsExactly(0, 1, 2);
        }

        @Test
        void nodes_of_a_component_are_listed_in_definition_order_not_traversal_order() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("z", "y", "x", "w"),
                    List.of(edge("w", "z"), edge("x", "w"), edge("y", "x")));

            assertThat(structure.component(ComponentId.of(0)).nodes()).isEqualTo(nodes("z", "y", "x", "w"));
        }

        @Test
        void edge_direction_does_not_matter_for_connectivity() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("a", "b", "c"),
                    List.of(edge("a", "b"), edge("c", "b")));

            assertThat(structure.componentCount()).isEqualTo(1);
        }

        @Test
        void isolated_nodes_are_singleton_components() {
            FlowStructure structure = StructureAnalyzer.analyze(nodes("a", "b", "c"), List.of(edge("b", "c")));

            assertThat(structure.components())
                    .extracting(StructureComponent::nodes)
                    .containsExactly(nodes("a"), nodes("b", "c"));
            StructureComponent single = structure.componentOf(NodeId.of("a"));
            assertThat(single.entryNodes()).isEqualTo(nodes("a"));
            assertThat(single.dag()).isTrue();
        }

        @Test
        void finds_the_component_of_a_node() {
            FlowStructure structure = StructureAnalyzer.analyze(nodes("a", "b", "c"), List.of(edge("b", "c")));

            assertThat(structure.componentOf(NodeId.of("c")).id()).isEqualTo(ComponentId.of(1));
            assertThat(structure.findComponentOf(NodeId.of("nope"))).isEmpty();
        }

        @Test
        void an_empty_node_list_has_no_components() {
            FlowStructure structure = StructureAnalyzer.analyze(List.of(), List.of());

            assertThat(structure.componentCount()).isZero();
            assertThat(structure.isDag()).isTrue();
        }
    }

    @Nested
    class EntryNodes {

        @Test
        void entry_nodes_are_the_nodes_without_an_incoming_edge_in_definition_order() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("join", "right", "left", "out"),
                    List.of(edge("left", "join"), edge("right", "join"), edge("join", "out")));

            assertThat(structure.component(ComponentId.of(0)).entryNodes()).isEqualTo(nodes("right", "left"));
        }

        @Test
        void a_self_loop_is_an_incoming_edge() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("a", "b"), List.of(edge("a", "a"), edge("a", "b")));

            assertThat(structure.component(ComponentId.of(0)).entryNodes()).isEmpty();
        }

        @Test
        void every_component_has_its_own_entry_nodes() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("a", "b", "c", "d"), List.of(edge("a", "b"), edge("c", "d")));

            assertThat(structure.components())
                    .extracting(StructureComponent::entryNodes)
                    .containsExactly(nodes("a"), nodes("c"));
        }
    }

    @Nested
    class Cycles {

        @Test
        void a_dag_has_no_cycle() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("a", "b", "c", "d"),
                    List.of(edge("a", "b"), edge("a", "c"), edge("b", "d"), edge("c", "d")));

            assertThat(structure.isDag()).isTrue();
            assertThat(structure.firstCycle()).isEmpty();
            assertThat(structure.component(ComponentId.of(0)).cyclePath()).isEmpty();
            assertThat(structure.component(ComponentId.of(0)).cycleDescription()).isEmpty();
        }

        @Test
        void reports_the_cycle_path_starting_and_ending_on_the_same_node() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("a", "b", "c"),
                    List.of(edge("a", "b"), edge("b", "c"), edge("c", "a")));

            StructureComponent component = structure.component(ComponentId.of(0));
            assertThat(component.dag()).isFalse();
            assertThat(component.cyclePath()).isEqualTo(nodes("a", "b", "c", "a"));
            assertThat(component.cycleDescription()).isEqualTo("a → b → c → a");
            assertThat(structure.firstCycle()).contains(nodes("a", "b", "c", "a"));
        }

        @Test
        void the_cycle_path_starts_where_the_cycle_closes_not_at_the_root() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("start", "x", "y"),
                    List.of(edge("start", "x"), edge("x", "y"), edge("y", "x")));

            assertThat(structure.firstCycle()).contains(nodes("x", "y", "x"));
        }

        @Test
        void a_self_loop_is_a_cycle() {
            FlowStructure structure = StructureAnalyzer.analyze(nodes("a", "b"), List.of(edge("a", "b"), edge("b", "b")));

            assertThat(structure.isDag()).isFalse();
            assertThat(structure.firstCycle()).contains(nodes("b", "b"));
            assertThat(structure.component(ComponentId.of(0)).cycleDescription()).isEqualTo("b → b");
        }

        @Test
        void cycle_search_follows_definition_order_so_the_reported_cycle_is_stable() {
            // Two cycles through a: a→b→a and a→c→a. b is defined before c, so a→b→a is found.
            List<DirectedEdge> edges = List.of(edge("a", "c"), edge("c", "a"), edge("a", "b"), edge("b", "a"));
            FlowStructure structure = StructureAnalyzer.analyze(nodes("a", "b", "c"), edges);

            assertThat(structure.firstCycle()).contains(nodes("a", "b", "a"));
            assertThat(StructureAnalyzer.analyze(nodes("a", "b", "c"), edges.reversed())).isEqualTo(structure);
        }

        @Test
        void only_the_component_with_the_cycle_is_marked_cyclic() {
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("a", "b", "c", "d"),
                    List.of(edge("a", "b"), edge("c", "d"), edge("d", "c")));

            assertThat(structure.components()).extracting(StructureComponent::dag).containsExactly(true, false);
            assertThat(structure.isDag()).isFalse();
            assertThat(structure.firstCycle()).contains(nodes("c", "d", "c"));
        }

        @Test
        void diamond_joins_are_not_cycles() {
            // b reaches d twice (b→d, b→c→d): d is black the second time, not grey.
            FlowStructure structure = StructureAnalyzer.analyze(
                    nodes("a", "b", "c", "d"),
                    List.of(edge("a", "b"), edge("b", "d"), edge("b", "c"), edge("c", "d"), edge("a", "d")));

            assertThat(structure.isDag()).isTrue();
        }

        @Test
        void duplicate_edges_are_harmless() {
            FlowStructure once = StructureAnalyzer.analyze(nodes("a", "b"), List.of(edge("a", "b")));
            FlowStructure twice = StructureAnalyzer.analyze(nodes("a", "b"), List.of(edge("a", "b"), edge("a", "b")));

            assertThat(twice).isEqualTo(once);
            assertThat(twice.isDag()).isTrue();
        }
    }

    @Nested
    class DeepGraphs {

        private static final int DEPTH = 100_000;

        @Test
        void a_very_long_chain_is_analysed_without_overflowing_the_stack() {
            List<NodeId> chain = chain(DEPTH);
            List<DirectedEdge> edges = new ArrayList<>();
            for (int i = 1; i < DEPTH; i++) {
                edges.add(new DirectedEdge(chain.get(i - 1), chain.get(i)));
            }

            FlowStructure structure = StructureAnalyzer.analyze(chain, edges);

            assertThat(structure.componentCount()).isEqualTo(1);
            assertThat(structure.isDag()).isTrue();
            assertThat(structure.component(ComponentId.of(0)).entryNodes()).containsExactly(chain.getFirst());
        }

        @Test
        void a_very_long_cycle_is_reported_whole() {
            List<NodeId> chain = chain(DEPTH);
            List<DirectedEdge> edges = new ArrayList<>();
            for (int i = 0; i < DEPTH; i++) {
                edges.add(new DirectedEdge(chain.get(i), chain.get((i + 1) % DEPTH)));
            }

            FlowStructure structure = StructureAnalyzer.analyze(chain, edges);

            List<NodeId> cycle = structure.firstCycle().orElseThrow();
            assertThat(cycle).hasSize(DEPTH + 1);
            assertThat(cycle.getFirst()).isEqualTo(chain.getFirst());
            assertThat(cycle.getLast()).isEqualTo(chain.getFirst());
        }

        @Test
        void many_isolated_nodes_are_analysed_quickly() {
            FlowStructure structure = StructureAnalyzer.analyze(chain(DEPTH), List.of());

            assertThat(structure.componentCount()).isEqualTo(DEPTH);
        }

        private static List<NodeId> chain(int length) {
            List<NodeId> nodes = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                nodes.add(NodeId.of("n" + i));
            }
            return nodes;
        }
    }

    @Nested
    class BadInput {

        @Test
        void rejects_a_duplicate_node() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> StructureAnalyzer.analyze(nodes("a", "a"), List.of()))
                    .withMessageContaining("duplicate node id 'a'");
        }

        @Test
        void rejects_an_edge_to_an_unknown_node() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> StructureAnalyzer.analyze(nodes("a"), List.of(edge("a", "ghost"))))
                    .withMessageContaining("unknown node 'ghost'");
        }
    }
}
