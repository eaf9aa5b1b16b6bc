package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One run of a flow (SPEC §4): the nodes registered for it, the components a node stopped, the
 * user's termination request, and — once every task is terminal — its outcome.
 *
 * <p>Invariants: the node set is fixed at start and not empty; a finished cycle has an end time
 * and never changes again ({@link CycleAlreadyFinishedException}); the first stop of a
 * component is kept. Not thread-safe: load, change and save it under the caller's concurrency
 * control.
 */
public final class Cycle {

    private final FlowId flowId;
    private final CycleNumber number;
    private final Instant startTime;
    private final Set<NodeId> nodes;
    private final Map<ComponentId, ComponentStop> componentStops;
    private CycleStatus status;
    private @Nullable Instant endTime;
    private boolean terminationRequested;
    private final List<CycleEvent> events = new ArrayList<>();

    private Cycle(FlowId flowId, CycleNumber number, CycleStatus status, Instant startTime, @Nullable Instant endTime,
                  Collection<NodeId> nodes, Collection<ComponentStop> componentStops, boolean terminationRequested) {
        this.flowId = Objects.requireNonNull(flowId, "flowId");
        this.number = Objects.requireNonNull(number, "number");
        this.status = Objects.requireNonNull(status, "status");
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        this.endTime = endTime;
        if (status.isTerminal() != (endTime != null)) {
            throw new IllegalArgumentException("cycle " + number + " of flow " + flowId + " is " + status.wireName()
                    + (endTime == null ? " but has no end time" : " but has an end time"));
        }
        Objects.requireNonNull(nodes, "nodes");
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("cycle " + number + " of flow " + flowId + " has no nodes");
        }
        this.nodes = Collections.unmodifiableSet(new TreeSet<>(nodes));
        this.componentStops = new TreeMap<>();
        for (ComponentStop stop : componentStops) {
            requireNode(stop.sourceNode());
            this.componentStops.putIfAbsent(stop.component(), stop);
        }
        this.terminationRequested = terminationRequested;
    }

    private Cycle(Cycle other) {
        this.flowId = other.flowId;
        this.number = other.number;
        this.status = other.status;
        this.startTime = other.startTime;
        this.endTime = other.endTime;
        // Unmodifiable and fixed at start: shared, not copied.
        this.nodes = other.nodes;
        this.componentStops = other.componentStops.isEmpty() ? new TreeMap<>() : new TreeMap<>(other.componentStops);
        this.terminationRequested = other.terminationRequested;
    }

    /**
     * An independent copy of this cycle's state, as {@link #rehydrate} would rebuild it (no
     * pending events): changing one never changes the other. Cheaper than rebuilding, since the
     * immutable node set is shared instead of sorted again.
     */
    public Cycle copy() {
        return new Cycle(this);
    }

    /** A new running cycle of these nodes; records {@link CycleStarted}. */
    public static Cycle start(FlowId flowId, CycleNumber number, Collection<NodeId> nodes, Instant at) {
        Cycle cycle = new Cycle(flowId, number, CycleStatus.RUNNING, at, null, nodes, List.of(), false);
        cycle.events.add(new CycleStarted(flowId, number, cycle.nodes, at));
        return cycle;
    }

    /** Rebuilds a cycle from storage; records no events. */
    public static Cycle rehydrate(FlowId flowId, CycleNumber number, CycleStatus status, Instant startTime,
                                  @Nullable Instant endTime, Collection<NodeId> nodes,
                                  Collection<ComponentStop> componentStops, boolean terminationRequested) {
        return new Cycle(flowId, number, status, startTime, endTime, nodes, componentStops, terminationRequested);
    }

    /**
     * A node asked to stop its component for this cycle (SPEC §4.5). Only the first stop of a
     * component counts — two nodes may ask at once — so this returns whether it was the first
     * (and recorded {@link ComponentStopped}): only then should the stop be broadcast. Stopping a
     * component does not make the cycle failed or terminated; its terminated tasks are expected.
     */
    public boolean stopComponent(ComponentId component, String reason, NodeId sourceNode, Instant at) {
        ComponentStop stop = new ComponentStop(component, reason, sourceNode, at);
        requireRunning("stop component " + component);
        requireNode(sourceNode);
        if (componentStops.containsKey(component)) {
            return false;
        }
        componentStops.put(component, stop);
        events.add(new ComponentStopped(flowId, number, stop));
        return true;
    }

    public boolean isComponentStopped(ComponentId component) {
        return componentStops.containsKey(Objects.requireNonNull(component, "component"));
    }

    public Optional<ComponentStop> componentStop(ComponentId component) {
        return Optional.ofNullable(componentStops.get(component));
    }

    /**
     * The user stopped the flow with termination while this cycle ran. Returns whether this was
     * the first request (and recorded {@link CycleTerminationRequested}); repeating it is harmless.
     */
    public boolean requestTermination(Instant at) {
        Objects.requireNonNull(at, "at");
        requireRunning("request termination");
        if (terminationRequested) {
            return false;
        }
        terminationRequested = true;
        events.add(new CycleTerminationRequested(flowId, number, at));
        return true;
    }

    /**
     * Ends the cycle once every one of its tasks is terminal, deciding the outcome (SPEC §4):
     * {@code failed} if any task failed, else {@code terminated} if the user requested
     * termination, else {@code completed}. Tasks terminated by a component stop or skipped by a
     * branch are expected outcomes and leave the cycle completed. Records {@link CycleFinished}.
     *
     * @param taskStatuses the status of every node of the cycle
     * @throws CycleAlreadyFinishedException if it already finished
     * @throws CycleNotFinishedException     if a node has no status or a non-terminal one
     * @throws NodeNotInCycleException       if a status is given for a node not in the cycle
     */
    public CycleStatus finish(Map<NodeId, NodeTaskStatus> taskStatuses, Instant at) {
        Objects.requireNonNull(taskStatuses, "taskStatuses");
        Objects.requireNonNull(at, "at");
        requireRunning("finish");
        Set<NodeId> strangers = new TreeSet<>(taskStatuses.keySet());
        strangers.removeAll(nodes);
        if (!strangers.isEmpty()) {
            throw new NodeNotInCycleException(flowId, number, strangers);
        }
        Map<NodeId, String> unfinished = new LinkedHashMap<>();
        for (NodeId node : nodes) {
            NodeTaskStatus taskStatus = taskStatuses.get(node);
            if (taskStatus == null) {
                unfinished.put(node, "no status");
            } else if (!taskStatus.isTerminal()) {
                unfinished.put(node, taskStatus.wireName());
            }
        }
        if (!unfinished.isEmpty()) {
            throw new CycleNotFinishedException(flowId, number, unfinished);
        }
        CycleStatus outcome;
        if (taskStatuses.containsValue(NodeTaskStatus.FAILED)) {
            outcome = CycleStatus.FAILED;
        } else if (terminationRequested) {
            outcome = CycleStatus.TERMINATED;
        } else {
            outcome = CycleStatus.COMPLETED;
        }
        this.status = outcome;
        this.endTime = at;
        events.add(new CycleFinished(flowId, number, outcome, startTime, at));
        return outcome;
    }

    /** The events recorded since the last call, oldest first; clears them. */
    public List<CycleEvent> pullEvents() {
        List<CycleEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void requireRunning(String attempted) {
        if (status.isTerminal()) {
            throw new CycleAlreadyFinishedException(flowId, number, status, attempted);
        }
    }

    private void requireNode(NodeId node) {
        if (!nodes.contains(node)) {
            throw new NodeNotInCycleException(flowId, number, Set.of(node));
        }
    }

    public FlowId flowId() {
        return flowId;
    }

    public CycleNumber number() {
        return number;
    }

    public CycleStatus status() {
        return status;
    }

    public boolean isRunning() {
        return status == CycleStatus.RUNNING;
    }

    public Instant startTime() {
        return startTime;
    }

    /** Set when the cycle finished; null while it runs. */
    public @Nullable Instant endTime() {
        return endTime;
    }

    /** The nodes registered in this cycle, sorted. */
    public Set<NodeId> nodes() {
        return nodes;
    }

    /** The stopped components and the first stop of each, by component id. */
    public Map<ComponentId, ComponentStop> componentStops() {
        return Collections.unmodifiableMap(componentStops);
    }

    public boolean terminationRequested() {
        return terminationRequested;
    }

    @Override
    public String toString() {
        return "Cycle[" + flowId + "#" + number + " " + status.wireName() + "]";
    }
}
