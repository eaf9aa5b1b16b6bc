package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A registered flow: its definition, its structure, its lifecycle status and its cycle counter
 * ({@code flow:{flow_id}} in storage).
 *
 * <p>Invariants:
 * <ul>
 *   <li>Status changes follow {@link FlowStatus#next()}; anything else throws
 *       {@link IllegalFlowTransitionException} and changes nothing.</li>
 *   <li>Cycle numbers come from {@link #claimNextCycle()} only: 0 first, then
 *       {@code last_cycle + 1}, never reused — replacing the definition keeps the counter.
 *       Across station instances the repository must persist a claim atomically (compare the
 *       stored {@code last_cycle}) so two schedulers never get the same number.</li>
 *   <li>Only a running flow has a next execution time.</li>
 *   <li>The stored definition has no directed cycle.</li>
 * </ul>
 *
 * <p>The definition is kept as the normalised Weather Syntax document, exactly as stored; the
 * typed model of it lives with definition parsing and validation.
 */
public final class Flow {

    private final FlowId id;
    private FlowStatus status;
    private Map<String, Object> definitionJson;
    private FlowStructure structure;
    private long definitionVersion;
    private @Nullable CycleNumber lastCycle;
    private @Nullable Instant nextExecution;
    private final Instant createdAt;
    private Instant updatedAt;
    private final List<FlowEvent> events = new ArrayList<>();

    private Flow(
            FlowId id,
            FlowStatus status,
            Map<String, Object> definitionJson,
            FlowStructure structure,
            long definitionVersion,
            @Nullable CycleNumber lastCycle,
            @Nullable Instant nextExecution,
            Instant createdAt,
            Instant updatedAt) {
        this(id, status, immutableCopy(Objects.requireNonNull(definitionJson, "definitionJson")), structure,
                definitionVersion, lastCycle, nextExecution, createdAt, updatedAt, true);
    }

    /** @param frozen {@code definitionJson} is already a deep unmodifiable copy */
    private Flow(
            FlowId id,
            FlowStatus status,
            Map<String, Object> definitionJson,
            FlowStructure structure,
            long definitionVersion,
            @Nullable CycleNumber lastCycle,
            @Nullable Instant nextExecution,
            Instant createdAt,
            Instant updatedAt,
            boolean frozen) {
        if (definitionVersion < 1) {
            throw new IllegalArgumentException("definition version must be >= 1 (was " + definitionVersion + ")");
        }
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
        this.definitionJson = definitionJson;
        this.structure = Objects.requireNonNull(structure, "structure");
        this.definitionVersion = definitionVersion;
        this.lastCycle = lastCycle;
        this.nextExecution = nextExecution;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A new flow, {@code registered}, definition version 1, no cycle yet. Records
     * {@link FlowRegistered}.
     *
     * @param definitionDocument the normalised Weather Syntax document
     * @param structure          its structure analysis; must be free of directed cycles
     */
    public static Flow register(FlowId id, Map<String, Object> definitionDocument, FlowStructure structure, Instant at) {
        requireRunnable(id, structure);
        Flow flow = new Flow(id, FlowStatus.REGISTERED, definitionDocument, structure, 1, null, null, at, at);
        flow.events.add(new FlowRegistered(id, 1, structure.componentCount(), at));
        return flow;
    }

    /** A flow as read back from storage; records no event and checks no transition. */
    public static Flow rehydrate(
            FlowId id,
            FlowStatus status,
            Map<String, Object> definitionDocument,
            FlowStructure structure,
            long definitionVersion,
            @Nullable CycleNumber lastCycle,
            @Nullable Instant nextExecution,
            Instant createdAt,
            Instant updatedAt) {
        return new Flow(id, status, definitionDocument, structure, definitionVersion,
                lastCycle, nextExecution, createdAt, updatedAt);
    }

    /**
     * This flow as {@link #rehydrate} would read it back, without copying its definition again:
     * the stored document is immutable, so the copy shares it. Records no event.
     */
    public Flow copy() {
        return new Flow(id, status, definitionJson, structure, definitionVersion, lastCycle, nextExecution,
                createdAt, updatedAt, true);
    }

    /**
     * Replaces the definition; allowed in any status, which it keeps, together with
     * {@code last_cycle}, the schedule and the creation time. Cycles already running finish
     * on the definition they started with. Records {@link FlowDefinitionReplaced}.
     */
    public void replaceDefinition(Map<String, Object> definitionDocument, FlowStructure newStructure, Instant at) {
        requireRunnable(id, newStructure);
        this.definitionJson = immutableCopy(Objects.requireNonNull(definitionDocument, "definitionDocument"));
        this.structure = newStructure;
        this.definitionVersion = Math.addExact(definitionVersion, 1);
        touch(at);
        events.add(new FlowDefinitionReplaced(id, definitionVersion, status, newStructure.componentCount(), at));
    }

    /**
     * Starts the flow: from {@code registered}, {@code stopped} or {@code completed}. Records
     * {@link FlowStarted}.
     *
     * @param firstExecution when the first cycle is due (null: left for the scheduler to set
     *                       through {@link #scheduleNext(Instant)})
     * @throws IllegalFlowTransitionException when the flow is already running
     */
    public void start(Instant at, @Nullable Instant firstExecution) {
        FlowStatus previous = status;
        moveTo(FlowStatus.RUNNING, FlowAction.START);
        this.nextExecution = firstExecution;
        touch(at);
        events.add(new FlowStarted(id, previous, firstExecution, at));
    }

    /**
     * Stops a running flow: no further cycle starts and the schedule is cleared. Records
     * {@link FlowStopped}.
     *
     * @param terminate whether cycles still running are to be terminated as well
     * @throws IllegalFlowTransitionException when the flow is not running
     */
    public void stop(boolean terminate, Instant at) {
        moveTo(FlowStatus.STOPPED, FlowAction.STOP);
        this.nextExecution = null;
        touch(at);
        events.add(new FlowStopped(id, terminate, at));
    }

    /**
     * Marks a running run-once flow as done after its one cycle ended. Whether the flow is a
     * run-once flow is decided by the caller, which reads the interval from the definition.
     * Records {@link FlowCompleted}.
     *
     * @throws IllegalFlowTransitionException when the flow is not running
     */
    public void complete(Instant at) {
        moveTo(FlowStatus.COMPLETED, FlowAction.COMPLETE);
        this.nextExecution = null;
        touch(at);
        events.add(new FlowCompleted(id, lastCycle, at));
    }

    /**
     * Takes the next cycle number — 0 for the first cycle, then {@code last_cycle + 1} — and
     * advances {@code last_cycle} to it. Allowed in any status: a manual "run one cycle now"
     * also consumes a number, so it can never collide with a scheduled cycle.
     */
    public CycleNumber claimNextCycle() {
        CycleNumber next = lastCycle == null ? CycleNumber.FIRST : lastCycle.next();
        this.lastCycle = next;
        return next;
    }

    /**
     * Sets when the next cycle is due.
     *
     * @throws IllegalFlowTransitionException when the flow is not running: a scheduler that
     *                                        lost a race with a stop must not revive the schedule
     */
    public void scheduleNext(Instant nextExecution) {
        if (status != FlowStatus.RUNNING) {
            throw new IllegalFlowTransitionException(id, status, FlowAction.SCHEDULE_NEXT);
        }
        this.nextExecution = Objects.requireNonNull(nextExecution, "nextExecution");
    }

    /** The events recorded since the last call, oldest first; clears them. */
    public List<FlowEvent> pullEvents() {
        List<FlowEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public FlowId id() {
        return id;
    }

    public FlowStatus status() {
        return status;
    }

    /** The normalised definition document as stored; deeply unmodifiable. */
    public Map<String, Object> definitionJson() {
        return definitionJson;
    }

    public FlowStructure structure() {
        return structure;
    }

    /** 1 at registration, incremented by every {@link #replaceDefinition replace}. */
    public long definitionVersion() {
        return definitionVersion;
    }

    /** The last cycle number claimed; empty before the first cycle. */
    public Optional<CycleNumber> lastCycle() {
        return Optional.ofNullable(lastCycle);
    }

    /** When the next cycle is due; empty when not running or not yet scheduled. */
    public Optional<Instant> nextExecution() {
        return Optional.ofNullable(nextExecution);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Flow[" + id + ", " + status.code() + ", v" + definitionVersion + ", last_cycle="
                + (lastCycle == null ? "none" : lastCycle) + "]";
    }

    private void moveTo(FlowStatus target, FlowAction action) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalFlowTransitionException(id, status, action);
        }
        this.status = target;
    }

    private void touch(Instant at) {
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    private static void requireRunnable(FlowId id, FlowStructure structure) {
        Objects.requireNonNull(structure, "structure");
        if (structure.componentCount() == 0) {
            throw new IllegalArgumentException("flow '" + id + "' has no nodes");
        }
        for (StructureComponent component : structure.components()) {
            if (!component.dag()) {
                throw new IllegalArgumentException("flow '" + id + "' has a directed cycle ("
                        + component.cycleDescription() + ") and cannot be stored");
            }
        }
    }

    /** Deep copy into unmodifiable maps and lists, keeping key order and JSON nulls. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> immutableCopy(Map<String, Object> document) {
        return (Map<String, Object>) copyValue(document);
    }

    private static @Nullable Object copyValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
            map.forEach((key, nested) -> copy.put(key, copyValue(nested)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copyValue(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
