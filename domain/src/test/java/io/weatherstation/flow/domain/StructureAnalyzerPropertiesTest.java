package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.shared.domain.NodeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of structure analysis and graph traversal on random graphs of 1–60 nodes: DAGs
 * built from a random topological order, and arbitrary graphs (self-loops and duplicate edges
 * included). Every case is generated from a seed that failures report; rerun one case with
 * {@code -Dstructure.seed=<seed>}.
 */
class StructureAnalyzerPropertiesTest {

    private static final long BASE_SEED = 0x5EEDF10BL;
    private static final int RUNS = 200;
    private static final double[] DENSITIES = {0.0, 0.01, 0.03, 0.06, 0.1, 0.2, 0.5, 0.9};

    static LongStream seeds() {
        String pinned = System.getProperty("structure.seed");
        if (pinned != null && !pinned.isBlank()) {
            return LongStream.of(Long.parseLong(pinned.trim()));
        }
        return LongStream.range(0, RUNS).map(i -> BASE_SEED + i);
    }

    /** A generated graph; {@code topologicalOrder} is set when it was built as a DAG. */
    record RandomGraph(long seed, List<NodeId> nodes, List<DirectedEdge> edges, List<NodeId> topologicalOrder) {

        RandomGraph withEdge(DirectedEdge extra) {
            List<DirectedEdge> more = new ArrayList<>(edges);
            more.add(extra);
            return new RandomGraph(seed, nodes, more, List.of());
        }

        int indexOf(NodeId node) {
            return nodes.indexOf(node);
        }

        Map<NodeId, Set<NodeId>> successors() {
            Map<NodeId, Set<NodeId>> successors = new HashMap<>();
            nodes.forEach(n -> successors.put(n, new LinkedHashSet<>()));
            edges.forEach(e -> successors.get(e.source()).add(e.target()));
            return successors;
        }

        Map<NodeId, Set<NodeId>> predecessors() {
            Map<NodeId, Set<NodeId>> predecessors = new HashMap<>();
            nodes.forEach(n -> predecessors.put(n, new LinkedHashSet<>()));
            edges.forEach(e -> predecessors.get(e.target()).add(e.source()));
            return predecessors;
        }

        /** Nodes reachable from {@code start} over at least one edge (start only if on a cycle). */
        Set<NodeId> reachableFrom(NodeId start, Map<NodeId, Set<NodeId>> adjacency) {
            Set<NodeId> seen = new HashSet<>();
            ArrayDeque<NodeId> queue = new ArrayDeque<>(adjacency.get(start));
            while (!queue.isEmpty()) {
                NodeId next = queue.poll();
                if (seen.add(next)) {
                    queue.addAll(adjacency.get(next));
                }
            }
            return seen;
        }

        @Override
        public String toString() {
            return "seed " + seed + " (rerun with -Dstructure.seed=" + seed + "): nodes=" + nodes + " edges=" + edges;
        }
    }

    static List<NodeId> randomNodes(Random random) {
        int count = 1 + random.nextInt(60);
        // Names unrelated to definition order, so nothing can lean on sorting by name.
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            labels.add(i);
        }
        Collections.shuffle(labels, random);
        List<NodeId> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            nodes.add(NodeId.of("n" + labels.get(i)));
        }
        return nodes;
    }

    /** A DAG: edges only go forward in a random permutation of the nodes. */
    static RandomGraph randomDag(long seed) {
        Random random = new Random(seed);
        List<NodeId> nodes = randomNodes(random);
        List<NodeId> order = new ArrayList<>(nodes);
        Collections.shuffle(order, random);
        double density = DENSITIES[random.nextInt(DENSITIES.length)];
        List<DirectedEdge> edges = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            for (int j = i + 1; j < order.size(); j++) {
                if (random.nextDouble() < density) {
                    edges.add(new DirectedEdge(order.get(i), order.get(j)));
                }
            }
        }
        addDuplicates(edges, random);
        Collections.shuffle(edges, random);
        return new RandomGraph(seed, nodes, edges, order);
    }

    /** Any directed graph: random pairs, so self-loops, cycles and duplicates all occur. */
    static RandomGraph randomGraph(long seed) {
        Random random = new Random(seed ^ 0xA5A5A5A5L);
        List<NodeId> nodes = randomNodes(random);
        int edgeCount = random.nextInt(2 * nodes.size() + 1);
        List<DirectedEdge> edges = new ArrayList<>(edgeCount);
        for (int i = 0; i < edgeCount; i++) {
            edges.add(new DirectedEdge(nodes.get(random.nextInt(nodes.size())), nodes.get(random.nextInt(nodes.size()))));
        }
        addDuplicates(edges, random);
        return new RandomGraph(seed, nodes, edges, List.of());
    }

    private static void addDuplicates(List<DirectedEdge> edges, Random random) {
        int duplicates = edges.isEmpty() ? 0 : random.nextInt(1 + edges.size() / 5);
        for (int i = 0; i < duplicates; i++) {
            edges.add(edges.get(random.nextInt(edges.size())));
        }
    }

    private static FlowStructure analyze(RandomGraph graph) {
        return StructureAnalyzer.analyze(graph.nodes(), graph.edges());
    }

    // --- components ---------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void components_partition_the_nodes(long seed) {
        for (RandomGraph graph : List.of(randomGraph(seed), randomDag(seed))) {
            FlowStructure structure = analyze(graph);

            List<NodeId> all = structure.components().stream().flatMap(c -> c.nodes().stream()).toList();
            assertThat(all).as("%s", graph).doesNotHaveDuplicates();
            assertThat(new HashSet<>(all)).as("%s", graph).isEqualTo(new HashSet<>(graph.nodes()));
            assertThat(structure.nodeCount()).as("%s", graph).isEqualTo(graph.nodes().size());
            for (NodeId node : graph.nodes()) {
                assertThat(structure.componentOf(node).contains(node)).as("%s", graph).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void no_edge_crosses_components_and_each_component_is_connected(long seed) {
        RandomGraph graph = randomGraph(seed);
        FlowStructure structure = analyze(graph);

        for (DirectedEdge edge : graph.edges()) {
            assertThat(structure.componentOf(edge.source()).id())
                    .as("%s: edge %s", graph, edge)
                    .isEqualTo(structure.componentOf(edge.target()).id());
        }
        Map<NodeId, Set<NodeId>> undirected = new HashMap<>();
        graph.nodes().forEach(n -> undirected.put(n, new HashSet<>()));
        graph.edges().forEach(e -> {
            undirected.get(e.source()).add(e.target());
            undirected.get(e.target()).add(e.source());
        });
        for (StructureComponent component : structure.components()) {
            NodeId first = component.nodes().getFirst();
            Set<NodeId> reached = graph.reachableFrom(first, undirected);
            reached.add(first);
            assertThat(reached).as("%s: component %s", graph, component.id())
                    .isEqualTo(new HashSet<>(component.nodes()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void component_ids_follow_the_smallest_node_index_and_nodes_keep_definition_order(long seed) {
        RandomGraph graph = randomGraph(seed);
        FlowStructure structure = analyze(graph);

        int previousSmallest = -1;
        for (int i = 0; i < structure.componentCount(); i++) {
            StructureComponent component = structure.components().get(i);
            assertThat(component.id().value()).as("%s", graph).isEqualTo(i);
            List<Integer> indexes = component.nodes().stream().map(graph::indexOf).toList();
            assertThat(indexes).as("%s: component %d in definition order", graph, i).isSorted();
            assertThat(indexes.getFirst()).as("%s: component %d smallest index", graph, i).isGreaterThan(previousSmallest);
            previousSmallest = indexes.getFirst();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void entry_nodes_are_exactly_the_nodes_without_an_incoming_edge_in_their_component(long seed) {
        for (RandomGraph graph : List.of(randomGraph(seed), randomDag(seed))) {
            FlowStructure structure = analyze(graph);

            for (StructureComponent component : structure.components()) {
                Set<NodeId> members = new HashSet<>(component.nodes());
                List<NodeId> expected = component.nodes().stream()
                        .filter(node -> graph.edges().stream()
                                .noneMatch(e -> e.target().equals(node) && members.contains(e.source())))
                        .toList();
                assertThat(component.entryNodes()).as("%s: component %s", graph, component.id()).isEqualTo(expected);
            }
        }
    }

    // --- cycles -------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_dag_built_from_a_topological_order_is_reported_as_a_dag(long seed) {
        RandomGraph graph = randomDag(seed);
        FlowStructure structure = analyze(graph);

        assertThat(structure.isDag()).as("%s", graph).isTrue();
        assertThat(structure.firstCycle()).as("%s", graph).isEmpty();
        assertThat(structure.components()).as("%s", graph).allSatisfy(c -> {
            assertThat(c.dag()).isTrue();
            assertThat(c.entryNodes()).isNotEmpty();
        });
    }

    /**
     * An edge from a later to an earlier node of a topological order closes a cycle exactly when
     * the earlier node already reaches the later one; picking the later node among those reached
     * (or the node itself, for a self-loop) always closes one.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_back_edge_that_closes_a_path_is_reported_as_a_real_cycle(long seed) {
        RandomGraph dag = randomDag(seed);
        Random random = new Random(~seed);
        NodeId earlier = dag.topologicalOrder().get(random.nextInt(dag.nodes().size()));
        List<NodeId> reached = new ArrayList<>(dag.reachableFrom(earlier, dag.successors()));
        reached.sort((a, b) -> Integer.compare(dag.indexOf(a), dag.indexOf(b)));
        NodeId later = reached.isEmpty() ? earlier : reached.get(random.nextInt(reached.size()));
        RandomGraph cyclic = dag.withEdge(new DirectedEdge(later, earlier));

        FlowStructure structure = analyze(cyclic);

        StructureComponent component = structure.componentOf(earlier);
        assertThat(component.dag()).as("%s", cyclic).isFalse();
        assertThat(structure.isDag()).as("%s", cyclic).isFalse();
        assertRealCycle(cyclic, component);
        assertThat(structure.components()).as("%s: other components untouched", cyclic)
                .filteredOn(c -> !c.id().equals(component.id()))
                .allMatch(StructureComponent::dag);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void any_back_edge_inside_a_component_is_a_cycle_exactly_when_it_closes_a_path(long seed) {
        RandomGraph dag = randomDag(seed);
        FlowStructure before = analyze(dag);
        Random random = new Random(~seed);
        StructureComponent component = before.components().get(random.nextInt(before.componentCount()));
        List<NodeId> inOrder = dag.topologicalOrder().stream().filter(component::contains).toList();
        int earlierAt = random.nextInt(inOrder.size());
        int laterAt = earlierAt + random.nextInt(inOrder.size() - earlierAt);
        NodeId earlier = inOrder.get(earlierAt);
        NodeId later = inOrder.get(laterAt);
        RandomGraph augmented = dag.withEdge(new DirectedEdge(later, earlier));
        boolean closesPath = earlier.equals(later) || dag.reachableFrom(earlier, dag.successors()).contains(later);

        StructureComponent after = analyze(augmented).componentOf(earlier);

        assertThat(after.dag()).as("%s: back edge %s → %s", augmented, later, earlier).isEqualTo(!closesPath);
        if (!after.dag()) {
            assertRealCycle(augmented, after);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cyclic_components_are_exactly_those_with_a_node_that_reaches_itself(long seed) {
        RandomGraph graph = randomGraph(seed);
        Map<NodeId, Set<NodeId>> successors = graph.successors();
        FlowStructure structure = analyze(graph);

        for (StructureComponent component : structure.components()) {
            boolean hasCycle = component.nodes().stream()
                    .anyMatch(node -> graph.reachableFrom(node, successors).contains(node));
            assertThat(component.dag()).as("%s: component %s", graph, component.id()).isEqualTo(!hasCycle);
            if (hasCycle) {
                assertRealCycle(graph, component);
            }
        }
        assertThat(FlowGraph.of(graph.nodes(), graph.edges()).isAcyclic()).as("%s", graph).isEqualTo(structure.isDag());
    }

    /** Consecutive pairs are edges, it is closed, simple, and inside the component. */
    private static void assertRealCycle(RandomGraph graph, StructureComponent component) {
        List<NodeId> path = component.cyclePath();
        Set<DirectedEdge> edges = new HashSet<>(graph.edges());
        assertThat(path).as("%s: cycle %s", graph, path).hasSizeGreaterThanOrEqualTo(2);
        assertThat(path.getFirst()).as("%s: cycle %s closes", graph, path).isEqualTo(path.getLast());
        assertThat(path.subList(0, path.size() - 1)).as("%s: cycle %s is simple", graph, path).doesNotHaveDuplicates();
        assertThat(component.nodes()).as("%s: cycle %s inside component", graph, path).containsAll(path);
        for (int i = 0; i + 1 < path.size(); i++) {
            assertThat(edges).as("%s: cycle %s step %d", graph, path, i)
                    .contains(new DirectedEdge(path.get(i), path.get(i + 1)));
        }
        assertThat(component.cycleDescription()).as("%s", graph)
                .isEqualTo(String.join(" → ", path.stream().map(NodeId::value).toList()));
    }

    // --- graph traversal ----------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_topological_order_respects_every_edge_and_prefers_definition_order(long seed) {
        RandomGraph dag = randomDag(seed);
        List<NodeId> order = FlowGraph.of(dag.nodes(), dag.edges()).topologicalOrder();

        assertThat(order).as("%s", dag).containsExactlyInAnyOrderElementsOf(dag.nodes());
        for (DirectedEdge edge : dag.edges()) {
            assertThat(order.indexOf(edge.source())).as("%s: edge %s", dag, edge).isLessThan(order.indexOf(edge.target()));
        }
        // Reference: repeatedly take the first node, in definition order, whose predecessors are placed.
        Map<NodeId, Set<NodeId>> predecessors = dag.predecessors();
        Set<NodeId> placed = new HashSet<>();
        List<NodeId> expected = new ArrayList<>();
        while (expected.size() < dag.nodes().size()) {
            NodeId next = dag.nodes().stream()
                    .filter(n -> !placed.contains(n) && placed.containsAll(predecessors.get(n)))
                    .findFirst().orElseThrow();
            placed.add(next);
            expected.add(next);
        }
        assertThat(order).as("%s", dag).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void upstream_and_downstream_are_the_transitive_closures(long seed) {
        RandomGraph graph = randomGraph(seed);
        FlowGraph flowGraph = FlowGraph.of(graph.nodes(), graph.edges());
        Map<NodeId, Set<NodeId>> successors = graph.successors();
        Map<NodeId, Set<NodeId>> predecessors = graph.predecessors();

        for (NodeId node : graph.nodes()) {
            Set<NodeId> down = graph.reachableFrom(node, successors);
            down.remove(node);
            Set<NodeId> up = graph.reachableFrom(node, predecessors);
            up.remove(node);
            List<NodeId> downstream = flowGraph.downstreamOf(node, false);
            List<NodeId> upstream = flowGraph.upstreamOf(node, false);

            assertThat(new HashSet<>(downstream)).as("%s: downstream of %s", graph, node).isEqualTo(down);
            assertThat(new HashSet<>(upstream)).as("%s: upstream of %s", graph, node).isEqualTo(up);
            assertThat(downstream.stream().map(graph::indexOf).toList()).as("%s", graph).isSorted();
            assertThat(flowGraph.downstreamOf(node, true)).as("%s", graph)
                    .containsExactlyInAnyOrderElementsOf(concat(node, downstream));
            assertThat(flowGraph.upstreamOf(node, true)).as("%s", graph)
                    .containsExactlyInAnyOrderElementsOf(concat(node, upstream));
        }
    }

    private static List<NodeId> concat(NodeId first, List<NodeId> rest) {
        List<NodeId> all = new ArrayList<>(rest);
        all.add(first);
        return all;
    }

    // --- stability and storage ----------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_result_does_not_depend_on_edge_order_or_duplicates(long seed) {
        RandomGraph graph = randomGraph(seed);
        List<DirectedEdge> reshuffled = new ArrayList<>(graph.edges());
        reshuffled.addAll(graph.edges().subList(0, graph.edges().size() / 2));
        Collections.shuffle(reshuffled, new Random(seed * 31));

        assertThat(StructureAnalyzer.analyze(graph.nodes(), reshuffled)).as("%s", graph).isEqualTo(analyze(graph));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_stored_document_reads_back_to_the_same_structure(long seed) {
        for (RandomGraph graph : List.of(randomGraph(seed), randomDag(seed))) {
            FlowStructure structure = analyze(graph);
            Map<String, Object> document = structure.toDocument();

            FlowStructureDocumentTest.assertOnlyJsonTypes(document);
            FlowStructure readBack = FlowStructure.fromDocument(document);
            assertThat(readBack).as("%s", graph).isEqualTo(structure);
            assertThat(readBack.toDocument()).as("%s", graph).isEqualTo(document);
            assertThat(document.get("component_count")).as("%s", graph).isEqualTo(structure.componentCount());
        }
    }
}
