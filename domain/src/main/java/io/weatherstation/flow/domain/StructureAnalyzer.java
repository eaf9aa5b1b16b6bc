package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a flow graph into connected components and checks each for directed cycles.
 *
 * <ul>
 *   <li>Components: breadth-first search over the undirected graph, started from each
 *       not-yet-visited node in definition order, so component ids 0, 1, … follow the smallest
 *       node index of each component and stay stable for the same definition.</li>
 *   <li>Cycles: three-colour depth-first search per component, roots and neighbours taken in
 *       definition order, so the reported cycle is always the same one. The search keeps its own
 *       stack instead of recursing, so a long chain of nodes cannot overflow the thread stack.</li>
 *   <li>Entry nodes: nodes with no incoming edge (all of a node's edges lie inside its
 *       component); a self-loop is an incoming edge.</li>
 * </ul>
 */
public final class StructureAnalyzer {

    private static final byte WHITE = 0;
    private static final byte GREY = 1;
    private static final byte BLACK = 2;

    private StructureAnalyzer() {
    }

    /**
     * Analyses the graph given by nodes and edges.
     *
     * @throws IllegalArgumentException on a duplicate node or an edge naming an unknown node
     */
    public static FlowStructure analyze(List<NodeId> nodesInDefinitionOrder, List<DirectedEdge> edges) {
        return analyze(FlowGraph.of(nodesInDefinitionOrder, edges));
    }

    /** Analyses an already built graph. */
    public static FlowStructure analyze(FlowGraph graph) {
        int size = graph.nodeCount();
        int[] componentOf = new int[size];
        Arrays.fill(componentOf, -1);
        int[] queue = new int[size];
        List<int[]> members = new ArrayList<>();
        for (int root = 0; root < size; root++) {
            if (componentOf[root] < 0) {
                members.add(collectComponent(graph, root, members.size(), componentOf, queue));
            }
        }
        byte[] colour = new byte[size];
        int[] stackPosition = new int[size];
        List<StructureComponent> components = new ArrayList<>(members.size());
        for (int id = 0; id < members.size(); id++) {
            int[] component = members.get(id);
            List<NodeId> nodes = new ArrayList<>(component.length);
            List<NodeId> entryNodes = new ArrayList<>();
            for (int index : component) {
                nodes.add(graph.nodeAt(index));
                if (graph.predecessorsAt(index).length == 0) {
                    entryNodes.add(graph.nodeAt(index));
                }
            }
            List<NodeId> cycle = findCycle(graph, component, colour, stackPosition);
            components.add(new StructureComponent(ComponentId.of(id), nodes, entryNodes, cycle.isEmpty(), cycle));
        }
        return new FlowStructure(components);
    }

    /**
     * Breadth-first over the undirected graph; returns the member indexes in definition order.
     * {@code queue} is scratch space shared by all components (they are disjoint).
     */
    private static int[] collectComponent(FlowGraph graph, int root, int id, int[] componentOf, int[] queue) {
        int head = 0;
        int tail = 0;
        queue[tail++] = root;
        componentOf[root] = id;
        while (head < tail) {
            int current = queue[head++];
            tail = enqueueUnvisited(graph.successorsAt(current), id, componentOf, queue, tail);
            tail = enqueueUnvisited(graph.predecessorsAt(current), id, componentOf, queue, tail);
        }
        int[] members = Arrays.copyOf(queue, tail);
        Arrays.sort(members);
        return members;
    }

    private static int enqueueUnvisited(int[] neighbours, int id, int[] componentOf, int[] queue, int tail) {
        for (int next : neighbours) {
            if (componentOf[next] < 0) {
                componentOf[next] = id;
                queue[tail++] = next;
            }
        }
        return tail;
    }

    /**
     * Three-colour depth-first search over one component. A grey node is on the current path;
     * an edge to a grey node closes a cycle, which is read off the explicit stack.
     *
     * @return the first cycle found as {@code [v, …, v]}, or an empty list
     */
    private static List<NodeId> findCycle(FlowGraph graph, int[] component, byte[] colour, int[] stackPosition) {
        int[] pathNodes = new int[component.length];
        int[] nextNeighbour = new int[component.length];
        for (int root : component) {
            if (colour[root] != WHITE) {
                continue;
            }
            int depth = 0;
            pathNodes[depth] = root;
            nextNeighbour[depth] = 0;
            stackPosition[root] = depth;
            colour[root] = GREY;
            while (depth >= 0) {
                int current = pathNodes[depth];
                int[] successors = graph.successorsAt(current);
                if (nextNeighbour[depth] < successors.length) {
                    int next = successors[nextNeighbour[depth]++];
                    if (colour[next] == GREY) {
                        List<NodeId> cycle = new ArrayList<>(depth - stackPosition[next] + 2);
                        for (int i = stackPosition[next]; i <= depth; i++) {
                            cycle.add(graph.nodeAt(pathNodes[i]));
                        }
                        cycle.add(graph.nodeAt(next));
                        return cycle;
                    }
                    if (colour[next] == WHITE) {
                        depth++;
                        pathNodes[depth] = next;
                        nextNeighbour[depth] = 0;
                        stackPosition[next] = depth;
                        colour[next] = GREY;
                    }
                } else {
                    colour[current] = BLACK;
                    depth--;
                }
            }
        }
        return List.of();
    }
}
