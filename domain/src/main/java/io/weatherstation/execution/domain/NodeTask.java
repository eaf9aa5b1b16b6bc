package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One execution of one node in one cycle (SPEC §4).
 *
 * <p>Invariants: the status only moves along {@link NodeTaskStatus#allowedTransitions()}; a
 * terminal status is final ({@link NodeTaskAlreadyFinishedException}); {@code attempts} counts
 * the starts and never decreases; {@code progress} is 0–100; a running task has a worker.
 * Not thread-safe: load, change and save it under the caller's concurrency control.
 */
public final class NodeTask {

    private final NodeTaskId id;
    // The statuses each transition starts from (shared: a transition must not allocate them).
    private static final Set<NodeTaskStatus> FROM_REGISTERED = Collections.unmodifiableSet(EnumSet.of(NodeTaskStatus.REGISTERED));
    private static final Set<NodeTaskStatus> FROM_PENDING = Collections.unmodifiableSet(EnumSet.of(NodeTaskStatus.PENDING));
    private static final Set<NodeTaskStatus> FROM_PAUSED = Collections.unmodifiableSet(EnumSet.of(NodeTaskStatus.PAUSED));
    private static final Set<NodeTaskStatus> FROM_RUNNING = Collections.unmodifiableSet(EnumSet.of(NodeTaskStatus.RUNNING));
    private static final Set<NodeTaskStatus> FROM_REGISTERED_OR_PENDING_OR_PAUSED_OR_RUNNING = Collections.unmodifiableSet(
            EnumSet.of(NodeTaskStatus.REGISTERED, NodeTaskStatus.PENDING, NodeTaskStatus.PAUSED, NodeTaskStatus.RUNNING));
    private static final Set<NodeTaskStatus> FROM_REGISTERED_OR_PENDING_OR_PAUSED = Collections.unmodifiableSet(
            EnumSet.of(NodeTaskStatus.REGISTERED, NodeTaskStatus.PENDING, NodeTaskStatus.PAUSED));

    private final String nodeType;
    private final ComponentId component;
    private final Instant registeredAt;
    private NodeTaskStatus status;
    private int attempts;
    private @Nullable WorkerId worker;
    private @Nullable String message;
    private int progress;
    private Instant updatedAt;
    private final List<NodeTaskEvent> events = new ArrayList<>();

    private NodeTask(NodeTaskId id, String nodeType, ComponentId component, NodeTaskStatus status, int attempts,
                     @Nullable WorkerId worker, @Nullable String message, int progress,
                     Instant registeredAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.nodeType = requireText(nodeType, "node type");
        this.component = Objects.requireNonNull(component, "component");
        this.status = Objects.requireNonNull(status, "status");
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0 (was " + attempts + ")");
        }
        this.attempts = attempts;
        this.worker = worker;
        this.message = message;
        this.progress = requireProgress(progress);
    }

    private NodeTask(NodeTask other) {
        this.id = other.id;
        this.nodeType = other.nodeType;
        this.component = other.component;
        this.status = other.status;
        this.registeredAt = other.registeredAt;
        this.updatedAt = other.updatedAt;
        this.attempts = other.attempts;
        this.worker = other.worker;
        this.message = other.message;
        this.progress = other.progress;
    }

    /**
     * An independent copy of this task's state, as {@link #rehydrate} would rebuild it (no pending
     * events): changing one never changes the other. Cheaper than rebuilding: the state is valid.
     */
    public NodeTask copy() {
        return new NodeTask(this);
    }

    /** A new task for a starting cycle, status {@code registered}; records {@link NodeTaskRegistered}. */
    public static NodeTask register(NodeTaskId id, String nodeType, ComponentId component, Instant at) {
        NodeTask task = new NodeTask(id, nodeType, component, NodeTaskStatus.REGISTERED, 0, null, null, 0, at, at);
        task.events.add(new NodeTaskRegistered(id, task.nodeType, component, at));
        return task;
    }

    /** Rebuilds a task from storage; records no events. */
    public static NodeTask rehydrate(NodeTaskId id, String nodeType, ComponentId component, NodeTaskStatus status,
                                     int attempts, @Nullable WorkerId worker, @Nullable String message, int progress,
                                     Instant registeredAt, Instant updatedAt) {
        if (status == NodeTaskStatus.RUNNING && worker == null) {
            throw new IllegalArgumentException("running node task " + id.display() + " has no worker");
        }
        return new NodeTask(id, nodeType, component, status, attempts, worker, message, progress, registeredAt, updatedAt);
    }

    /** Its inputs are complete (or it has none): {@code registered → pending}, ready for dispatch. */
    public void markReady(Instant at) {
        transition(NodeTaskStatus.PENDING, null, at, "become ready", FROM_REGISTERED);
    }

    /** A worker took it: {@code pending → running}; counts an attempt and resets progress. */
    public void start(WorkerId worker, Instant at) {
        Objects.requireNonNull(worker, "worker");
        transition(NodeTaskStatus.RUNNING, null, at, "start", FROM_PENDING);
        this.worker = worker;
        this.attempts++;
        this.progress = 0;
    }

    /**
     * A pause holds it before it starts: {@code pending → paused}. It keeps its attempt count and
     * has no worker; {@code reason} says which pause holds it.
     */
    public void hold(String reason, Instant at) {
        transition(NodeTaskStatus.PAUSED, requireText(reason, "reason"), at, "be held by a pause",
                FROM_PENDING);
    }

    /** Its pause ended: {@code paused → pending}, ready for dispatch again. */
    public void release(Instant at) {
        transition(NodeTaskStatus.PENDING, null, at, "be released from a pause", FROM_PAUSED);
    }

    /** The node returned normally: {@code running → completed}. */
    public void complete(Instant at) {
        transition(NodeTaskStatus.COMPLETED, null, at, "complete", FROM_RUNNING);
        this.progress = 100;
    }

    /** The last attempt failed (or timed out): {@code running → failed}. */
    public void fail(String error, Instant at) {
        transition(NodeTaskStatus.FAILED, requireText(error, "error"), at, "fail", FROM_RUNNING);
    }

    /**
     * Back to the queue: {@code running → pending}, after a failed attempt that will be retried or
     * when its worker vanished. Keeps the attempt count (the next {@link #start} adds one) and
     * releases the worker.
     */
    public void retryLater(String error, Instant at) {
        transition(NodeTaskStatus.PENDING, requireText(error, "error"), at, "be retried", FROM_RUNNING);
        this.worker = null;
    }

    /** A stop (user request or a component stop) ended it: any unfinished status → {@code terminated}. */
    public void terminate(String reason, Instant at) {
        transition(NodeTaskStatus.TERMINATED, requireText(reason, "reason"), at, "terminate",
                FROM_REGISTERED_OR_PENDING_OR_PAUSED_OR_RUNNING);
    }

    /**
     * It will not run in this cycle (an upstream branch or failure, or skipped on resume):
     * {@code registered|pending|paused → skipped}.
     */
    public void skip(String reason, Instant at) {
        transition(NodeTaskStatus.SKIPPED, requireText(reason, "reason"), at, "skip",
                FROM_REGISTERED_OR_PENDING_OR_PAUSED);
    }

    /** Progress of the running attempt, 0–100. Records no event (it would flood the event stream). */
    public void reportProgress(int percent, Instant at) {
        requireProgress(percent);
        Objects.requireNonNull(at, "at");
        if (status.isTerminal()) {
            throw new NodeTaskAlreadyFinishedException(id, status, "report progress");
        }
        if (status != NodeTaskStatus.RUNNING) {
            throw new NodeTaskNotRunningException(id, status);
        }
        this.progress = percent;
        this.updatedAt = at;
    }

    /** The events recorded since the last call, oldest first; clears them. */
    public List<NodeTaskEvent> pullEvents() {
        List<NodeTaskEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /**
     * Several methods lead to the same status ({@code pending} is both "ready" and "retry"), so
     * each names the statuses it starts from, on top of the table on {@link NodeTaskStatus}.
     */
    private void transition(NodeTaskStatus target, @Nullable String newMessage, Instant at, String attempted,
                            Set<NodeTaskStatus> sources) {
        Objects.requireNonNull(at, "at");
        if (status.isTerminal()) {
            throw new NodeTaskAlreadyFinishedException(id, status, attempted);
        }
        if (!sources.contains(status) || !status.canTransitionTo(target)) {
            throw new IllegalNodeTaskTransitionException(id, status, target, attempted, sources);
        }
        NodeTaskStatus from = status;
        this.status = target;
        this.message = newMessage;
        this.updatedAt = at;
        events.add(new NodeTaskStatusChanged(id, from, target, newMessage, at));
    }

    private static String requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text;
    }

    private static int requireProgress(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("progress must be 0–100 (was " + percent + ")");
        }
        return percent;
    }

    public NodeTaskId id() {
        return id;
    }

    public String nodeType() {
        return nodeType;
    }

    public ComponentId component() {
        return component;
    }

    public NodeTaskStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    /** The worker running it, or that ran its last attempt; null before the first start and while re-queued. */
    public @Nullable WorkerId worker() {
        return worker;
    }

    /** The error (failed, re-queued) or reason (terminated, skipped) of the current status. */
    public @Nullable String message() {
        return message;
    }

    public int progress() {
        return progress;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean isFinished() {
        return status.isTerminal();
    }

    @Override
    public String toString() {
        return "NodeTask[" + id.display() + " " + nodeType + " " + status.wireName() + ", attempts=" + attempts + "]";
    }
}
