package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.NodeId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds directed cycles with a three-colour depth-first search over the directed edges.
 *
 * <p>Deterministic: roots are tried in node order, and a node's outgoing edges in edge order, so
 * the same definition always yields the same cycles, each starting at the node where the search
 * entered it. Iterative, so long chains cannot overflow the stack.
 */
final class CyclePathFinder {

    private static final byte WHITE = 0;
    private static final byte GREY = 1;
    private static final byte BLACK = 2;

    private CyclePathFinder() {
    }

    /** An edge between node indices; {@code edge} is the edge's index in the definition. */
    record Arc(int from, int to, int edge) {
    }

    /**
     * A closed path: {@code nodes} starts and ends with the same node; {@code edges.get(i)} leads
     * from {@code nodes.get(i)} to {@code nodes.get(i + 1)}.
     */
    record Cycle(List<Integer> nodes, List<Integer> edges) {

        /** The edge leaving the cycle's first node. */
        int firstEdge() {
            return edges.getFirst();
        }
    }

    /** The first cycle the search meets, if any. */
    static Optional<Cycle> first(int nodeCount, List<Arc> arcs) {
        List<Cycle> found = search(nodeCount, arcs, true);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * Cycles that share no node with each other: every back edge the search meets closes a cycle,
     * kept unless it touches a node of a cycle already kept. Empty exactly when the graph is a DAG.
     */
    static List<Cycle> disjoint(int nodeCount, List<Arc> arcs) {
        return search(nodeCount, arcs, false);
    }

    /** The first cycle among the edges of a definition, as node ids ({@code a, b, c, a}). */
    static Optional<List<NodeId>> firstCycle(List<NodeId> nodes, List<EdgeDefinition> edges) {
        Map<NodeId, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.putIfAbsent(nodes.get(i), i);
        }
        List<Arc> arcs = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            Integer from = index.get(edges.get(e).source());
            Integer to = index.get(edges.get(e).target());
            if (from != null && to != null) {
                arcs.add(new Arc(from, to, e));
            }
        }
        return first(nodes.size(), arcs).map(cycle -> cycle.nodes().stream().map(nodes::get).toList());
    }

    private static List<Cycle> search(int nodeCount, List<Arc> arcs, boolean stopAtFirst) {
        List<List<Arc>> outgoing = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            outgoing.add(new ArrayList<>());
        }
        for (Arc arc : arcs) {
            if (arc.from() < 0 || arc.from() >= nodeCount || arc.to() < 0 || arc.to() >= nodeCount) {
                throw new IllegalArgumentException("arc " + arc + " leaves the node range 0.." + (nodeCount - 1));
            }
            outgoing.get(arc.from()).add(arc);
        }

        byte[] colour = new byte[nodeCount];
        BitSet inReportedCycle = new BitSet(nodeCount);
        List<Cycle> cycles = new ArrayList<>();
        // The DFS path: nodes, the arc that led to each (null for the root), and the next arc to try.
        int[] pathNodes = new int[nodeCount];
        @Nullable Arc[] pathArcs = new Arc[nodeCount];
        int[] nextArc = new int[nodeCount];

        for (int root = 0; root < nodeCount; root++) {
            if (colour[root] != WHITE) {
                continue;
            }
            int depth = 0;
            pathNodes[0] = root;
            pathArcs[0] = null;
            nextArc[0] = 0;
            colour[root] = GREY;
            while (depth >= 0) {
                int node = pathNodes[depth];
                List<Arc> out = outgoing.get(node);
                if (nextArc[depth] == out.size()) {
                    colour[node] = BLACK;
                    depth--;
                    continue;
                }
                Arc arc = out.get(nextArc[depth]++);
                if (colour[arc.to()] == WHITE) {
                    depth++;
                    pathNodes[depth] = arc.to();
                    pathArcs[depth] = arc;
                    nextArc[depth] = 0;
                    colour[arc.to()] = GREY;
                } else if (colour[arc.to()] == GREY) {
                    Cycle cycle = closeCycle(pathNodes, pathArcs, depth, arc);
                    if (cycle.nodes().stream().noneMatch(inReportedCycle::get)) {
                        cycle.nodes().forEach(inReportedCycle::set);
                        cycles.add(cycle);
                        if (stopAtFirst) {
                            return cycles;
                        }
                    }
                }
            }
        }
        return cycles;
    }

    private static Cycle closeCycle(int[] pathNodes, @Nullable Arc[] pathArcs, int depth, Arc backArc) {
        int start = depth;
        while (pathNodes[start] != backArc.to()) {
            start--;
        }
        List<Integer> nodes = new ArrayList<>();
        List<Integer> edges = new ArrayList<>();
        for (int i = start; i <= depth; i++) {
            nodes.add(pathNodes[i]);
            if (i > start) {
                edges.add(java.util.Objects.requireNonNull(pathArcs[i]).edge());
            }
        }
        nodes.add(backArc.to());
        edges.add(backArc.edge());
        return new Cycle(List.copyOf(nodes), List.copyOf(edges));
    }
}
