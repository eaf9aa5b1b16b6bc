package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.flow.domain.CyclePathFinder.Arc;
import io.weatherstation.flow.domain.CyclePathFinder.Cycle;
import io.weatherstation.shared.domain.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CyclePathFinderTest {

    @Test
    void findsNothingInAnEmptyOrAcyclicGraph() {
        assertThat(CyclePathFinder.first(0, List.of())).isEmpty();
        assertThat(CyclePathFinder.first(3, List.of(new Arc(0, 1, 0), new Arc(1, 2, 1), new Arc(0, 2, 2)))).isEmpty();
    }

    @Test
    void returnsTheCycleFromTheNodeWhereTheSearchEnteredIt() {
        // 0 → 1 → 2 → 3 → 1
        Optional<Cycle> cycle = CyclePathFinder.first(4,
                List.of(new Arc(0, 1, 0), new Arc(1, 2, 1), new Arc(2, 3, 2), new Arc(3, 1, 3)));

        assertThat(cycle).hasValueSatisfying(c -> {
            assertThat(c.nodes()).containsExactly(1, 2, 3, 1);
            assertThat(c.edges()).containsExactly(1, 2, 3);
            assertThat(c.firstEdge()).isEqualTo(1);
        });
    }

    @Test
    void isDeterministicInNodeAndEdgeOrder() {
        // Two cycles through 0: 0 → 1 → 0 (edges 0, 2) and 0 → 2 → 0 (edges 1, 3); the first edge listed wins.
        List<Arc> arcs = List.of(new Arc(0, 1, 0), new Arc(0, 2, 1), new Arc(1, 0, 2), new Arc(2, 0, 3));

        assertThat(CyclePathFinder.first(3, arcs)).map(Cycle::nodes).contains(List.of(0, 1, 0));
    }

    @Test
    void worksOnNodeIdsAndEdgeDefinitions() {
        List<NodeId> nodes = List.of(NodeId.of("a"), NodeId.of("b"), NodeId.of("c"));
        List<EdgeDefinition> edges = List.of(EdgeDefinition.of("a", "out", "b", "in"),
                EdgeDefinition.of("b", "out", "c", "in"), EdgeDefinition.of("c", "out", "a", "in"));

        assertThat(CyclePathFinder.firstCycle(nodes, edges))
                .contains(List.of(NodeId.of("a"), NodeId.of("b"), NodeId.of("c"), NodeId.of("a")));
    }

    @Test
    void handlesLongChainsWithoutRecursion() {
        int n = 200_000;
        List<Arc> arcs = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            arcs.add(new Arc(i, i + 1, i));
        }
        assertThat(CyclePathFinder.first(n, arcs)).isEmpty();
        arcs.add(new Arc(n - 1, 0, n - 1));
        assertThat(CyclePathFinder.first(n, arcs)).hasValueSatisfying(c -> assertThat(c.nodes()).hasSize(n + 1));
    }

    /** Seeded random graphs: a DAG stays clean; any back edge added yields a genuine closed path. */
    @Test
    void agreesWithTopologicalOrderOnRandomGraphs() {
        long seed = Long.getLong("cycles.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(30);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            List<Arc> arcs = new ArrayList<>();
            int edgeCount = random.nextInt(3 * n);
            for (int e = 0; e < edgeCount; e++) {
                int x = random.nextInt(n);
                int y = random.nextInt(n);
                if (x != y) {
                    int from = Math.min(x, y);
                    int to = Math.max(x, y);
                    arcs.add(new Arc(order.get(from), order.get(to), arcs.size()));
                }
            }
            assertThat(CyclePathFinder.disjoint(n, arcs)).as("seed %d round %d: DAG", seed, round).isEmpty();

            int x = random.nextInt(n);
            int y = random.nextInt(n);
            arcs.add(new Arc(order.get(Math.max(x, y)), order.get(Math.min(x, y)), arcs.size()));
            boolean closesCycle = x == y || reachable(n, arcs, order.get(Math.min(x, y)), order.get(Math.max(x, y)));
            List<Cycle> cycles = CyclePathFinder.disjoint(n, arcs);

            assertThat(!cycles.isEmpty()).as("seed %d round %d: cycle found iff one exists", seed, round).isEqualTo(closesCycle);
            Set<Integer> seen = new HashSet<>();
            for (Cycle cycle : cycles) {
                assertValidClosedPath(cycle, arcs, seed, round);
                for (int i = 0; i + 1 < cycle.nodes().size(); i++) {
                    assertThat(seen.add(cycle.nodes().get(i))).as("seed %d: cycles are disjoint", seed).isTrue();
                }
            }
        }
    }

    private static void assertValidClosedPath(Cycle cycle, List<Arc> arcs, long seed, int round) {
        List<Integer> nodes = cycle.nodes();
        assertThat(nodes.getFirst()).as("seed %d round %d: closed", seed, round).isEqualTo(nodes.getLast());
        assertThat(cycle.edges()).hasSize(nodes.size() - 1);
        for (int i = 0; i < cycle.edges().size(); i++) {
            Arc arc = arcs.get(cycle.edges().get(i));
            assertThat(arc.from()).isEqualTo(nodes.get(i));
            assertThat(arc.to()).isEqualTo(nodes.get(i + 1));
        }
        assertThat(new HashSet<>(nodes.subList(0, nodes.size() - 1))).as("seed %d: simple", seed).hasSize(nodes.size() - 1);
    }

    private static boolean reachable(int n, List<Arc> arcs, int from, int to) {
        boolean[] seen = new boolean[n];
        List<Integer> stack = new ArrayList<>(List.of(from));
        while (!stack.isEmpty()) {
            int node = stack.removeLast();
            if (node == to) {
                return true;
            }
            if (!seen[node]) {
                seen[node] = true;
                for (Arc arc : arcs) {
                    if (arc.from() == node) {
                        stack.add(arc.to());
                    }
                }
            }
        }
        return false;
    }
}
