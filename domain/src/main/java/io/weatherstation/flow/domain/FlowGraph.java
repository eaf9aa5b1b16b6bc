package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.NodeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The directed graph of a flow, built once from its nodes and edges. Every answer is
 * deterministic: node lists come back in definition order, and neighbours are visited in
 * definition order, so the same definition always yields the same traversal.
 *
 * <p>Duplicate edges are collapsed (they carry different handles in the definition but the
 * same dependency here). Self-loops are kept: they are cycles.
 */
public final class FlowGraph {

    private static final int[] NONE = new int[0];

    private final List<NodeId> nodes;
    private final Map<NodeId, Integer> indexOf;
    /** Successor indexes per node, ascending (= definition order), no duplicates. */
    private final int[][] successors;
    /** Predecessor indexes per node, ascending (= definition order), no duplicates. */
    private final int[][] predecessors;

    private FlowGraph(List<NodeId> nodes, Map<NodeId, Integer> indexOf, int[][] successors, int[][] predecessors) {
        this.nodes = nodes;
        this.indexOf = indexOf;
        this.successors = successors;
        this.predecessors = predecessors;
    }

    /**
     * Builds the graph.
     *
     * @param nodesInDefinitionOrder node ids, distinct, in the order the definition lists them
     * @param edgeList               edges between those nodes; duplicates are harmless
     * @throws IllegalArgumentException on a duplicate node id or an edge naming an unknown node
     *                                  (definitions are validated before they get here, so this
     *                                  is a programming error, not a user error)
     */
    public static FlowGraph of(List<NodeId> nodesInDefinitionOrder, List<DirectedEdge> edgeList) {
        List<NodeId> nodes = List.copyOf(nodesInDefinitionOrder);
        List<DirectedEdge> edges = List.copyOf(edgeList);
        Map<NodeId, Integer> indexOf = HashMap.newHashMap(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            if (indexOf.putIfAbsent(nodes.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate node id '" + nodes.get(i) + "'");
            }
        }
        int[] sources = new int[edges.size()];
        int[] targets = new int[edges.size()];
        int[] outDegree = new int[nodes.size()];
        int[] inDegree = new int[nodes.size()];
        for (int e = 0; e < edges.size(); e++) {
            DirectedEdge edge = edges.get(e);
            sources[e] = requireKnown(indexOf, edge.source(), edge);
            targets[e] = requireKnown(indexOf, edge.target(), edge);
            outDegree[sources[e]]++;
            inDegree[targets[e]]++;
        }
        int[][] successors = new int[nodes.size()][];
        int[][] predecessors = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            successors[i] = new int[outDegree[i]];
            predecessors[i] = new int[inDegree[i]];
        }
        int[] outFill = new int[nodes.size()];
        int[] inFill = new int[nodes.size()];
        for (int e = 0; e < edges.size(); e++) {
            successors[sources[e]][outFill[sources[e]]++] = targets[e];
            predecessors[targets[e]][inFill[targets[e]]++] = sources[e];
        }
        for (int i = 0; i < nodes.size(); i++) {
            successors[i] = sortedDistinct(successors[i]);
            predecessors[i] = sortedDistinct(predecessors[i]);
        }
        return new FlowGraph(nodes, Collections.unmodifiableMap(indexOf), successors, predecessors);
    }

    private static int requireKnown(Map<NodeId, Integer> indexOf, NodeId node, DirectedEdge edge) {
        Integer index = indexOf.get(node);
        if (index == null) {
            throw new IllegalArgumentException("edge " + edge + " names unknown node '" + node + "'");
        }
        return index;
    }

    /** Ascending and without duplicates: definition order, and duplicate edges collapsed. */
    private static int[] sortedDistinct(int[] indexes) {
        if (indexes.length == 0) {
            return NONE;
        }
        Arrays.sort(indexes);
        int distinct = 1;
        for (int i = 1; i < indexes.length; i++) {
            if (indexes[i] != indexes[distinct - 1]) {
                indexes[distinct++] = indexes[i];
            }
        }
        return distinct == indexes.length ? indexes : Arrays.copyOf(indexes, distinct);
    }

    /** All nodes, in definition order. */
    public List<NodeId> nodes() {
        return nodes;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public boolean contains(NodeId node) {
        return indexOf.containsKey(node);
    }

    /** Nodes with an edge into {@code node}, in definition order. */
    public List<NodeId> directUpstreamOf(NodeId node) {
        return toNodes(predecessors[index(node)]);
    }

    /** Nodes {@code node} has an edge to, in definition order. */
    public List<NodeId> directDownstreamOf(NodeId node) {
        return toNodes(successors[index(node)]);
    }

    /**
     * Every node from which {@code node} can be reached, in definition order (what must run
     * before it in a partial run).
     *
     * @param includeTrigger whether {@code node} itself is part of the answer; when false it is
     *                       left out even if a cycle leads back to it
     */
    public List<NodeId> upstreamOf(NodeId node, boolean includeTrigger) {
        return closure(index(node), predecessors, includeTrigger);
    }

    /**
     * Every node reachable from {@code node}, in definition order (what a skip or failure of
     * {@code node} propagates to).
     *
     * @param includeTrigger whether {@code node} itself is part of the answer; when false it is
     *                       left out even if a cycle leads back to it
     */
    public List<NodeId> downstreamOf(NodeId node, boolean includeTrigger) {
        return closure(index(node), successors, includeTrigger);
    }

    private List<NodeId> closure(int start, int[][] adjacency, boolean includeTrigger) {
        BitSet seen = new BitSet(nodes.size());
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen.set(start);
        queue.add(start);
        while (!queue.isEmpty()) {
            int current = queue.poll();
            for (int next : adjacency[current]) {
                if (!seen.get(next)) {
                    seen.set(next);
                    queue.add(next);
                }
            }
        }
        if (!includeTrigger) {
            seen.clear(start);
        }
        return toNodes(seen.stream().toArray());
    }

    /**
     * True when the graph has no directed cycle (self-loops included).
     */
    public boolean isAcyclic() {
        return kahn().size() == nodes.size();
    }

    /**
     * All nodes in an order where every edge points forward; among nodes that are ready at the
     * same time the one defined first comes first, so the order is stable (Kahn's algorithm).
     *
     * @throws IllegalStateException when the graph has a cycle; registered flows never do
     */
    public List<NodeId> topologicalOrder() {
        List<NodeId> order = kahn();
        if (order.size() != nodes.size()) {
            throw new IllegalStateException("graph has a cycle: no topological order ("
                    + (nodes.size() - order.size()) + " nodes on or behind a cycle)");
        }
        return order;
    }

    /**
     * The nodes of {@code selection} in {@link #topologicalOrder()}: the dispatch order of a
     * partial run over that selection.
     *
     * @throws IllegalArgumentException when the selection names an unknown node
     * @throws IllegalStateException    when the graph has a cycle
     */
    public List<NodeId> topologicalOrderOf(Collection<NodeId> selection) {
        BitSet wanted = new BitSet(nodes.size());
        for (NodeId node : selection) {
            wanted.set(index(node));
        }
        List<NodeId> order = new ArrayList<>(wanted.cardinality());
        for (NodeId node : topologicalOrder()) {
            if (wanted.get(indexOf.get(node))) {
                order.add(node);
            }
        }
        return List.copyOf(order);
    }

    /** Kahn's algorithm; returns fewer than all nodes when there is a cycle. */
    private List<NodeId> kahn() {
        int[] remainingIn = new int[nodes.size()];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            remainingIn[i] = predecessors[i].length;
            if (remainingIn[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeId> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            int current = ready.poll();
            order.add(nodes.get(current));
            for (int next : successors[current]) {
                if (--remainingIn[next] == 0) {
                    ready.add(next);
                }
            }
        }
        return List.copyOf(order);
    }

    // Index-level access for StructureAnalyzer, which works on the same adjacency.

    int index(NodeId node) {
        Integer index = indexOf.get(Objects.requireNonNull(node, "node"));
        if (index == null) {
            throw new IllegalArgumentException("unknown node '" + node + "'");
        }
        return index;
    }

    NodeId nodeAt(int index) {
        return nodes.get(index);
    }

    int[] successorsAt(int index) {
        return successors[index];
    }

    int[] predecessorsAt(int index) {
        return predecessors[index];
    }

    private List<NodeId> toNodes(int[] indexes) {
        List<NodeId> result = new ArrayList<>(indexes.length);
        for (int index : indexes) {
            result.add(nodes.get(index));
        }
        return List.copyOf(result);
    }
}
