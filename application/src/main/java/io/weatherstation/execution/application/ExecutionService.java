package io.weatherstation.execution.application;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.execution.application.port.in.CycleRefusedException;
import io.weatherstation.execution.application.port.in.FailNodeTaskUseCase;
import io.weatherstation.execution.application.port.in.FailWaitingNodeTaskUseCase;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase;
import io.weatherstation.execution.application.port.in.NodeTaskNotFoundException;
import io.weatherstation.execution.application.port.in.ReceiveSignalUseCase;
import io.weatherstation.execution.application.port.in.RunCycleNowUseCase;
import io.weatherstation.execution.application.port.in.RunNodeTaskUseCase;
import io.weatherstation.execution.application.port.in.StopNodeTaskUseCase;
import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.application.port.out.CycleSetups.CycleSetup;
import io.weatherstation.execution.application.port.out.ExecutionReads;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.SignalPublisher;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.execution.application.port.out.TaskDispatcher;
import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.execution.application.ExecutionPlan.PlannedNode;
import io.weatherstation.execution.application.ExecutionPlan.Send;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.CycleAlreadyFinishedException;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.domain.OverlapPolicy;
import io.weatherstation.execution.domain.OverlapVerdict;
import io.weatherstation.execution.domain.PartialRun;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.ReadinessVerdict;
import io.weatherstation.execution.domain.RetryDecision;
import io.weatherstation.execution.domain.RetryPolicy;
import io.weatherstation.execution.domain.SkipReason;
import io.weatherstation.flow.application.port.in.HandleCycleEndUseCase;
import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase.LoadedFlow;
import io.weatherstation.flow.application.port.out.CycleLauncher;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import io.weatherstation.signaling.domain.SignalType;
import io.weatherstation.signaling.domain.StopRequest;
import io.weatherstation.signaling.domain.StopRoute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The engine. Starts cycles, runs dispatched tasks, routes their outputs as signals, decides
 * readiness through the inboxes, applies retries, timeouts, skips, component stops and
 * terminations, and finishes a cycle when its last task reaches a terminal status.
 *
 * <p>Every state change goes through an atomic repository update guarded by the aggregates'
 * transition rules, so concurrent deliveries, duplicate signals and late terminations resolve to
 * exactly one outcome per task. There is no polling: a cycle ends when the task that finishes it
 * counts the last one down.
 */
public final class ExecutionService implements CycleLauncher, RunCycleNowUseCase, RunNodeTaskUseCase,
        ReceiveSignalUseCase, StopNodeTaskUseCase, FailNodeTaskUseCase, FailWaitingNodeTaskUseCase,
        QueryExecutionUseCase {

    private static final int MAX_CACHED_PLANS = 4_096;

    private final QueryFlowsUseCase flows;
    private final FlowRepository flowRepository;
    private final HandleCycleEndUseCase cycleEnded;
    private final NodeRegistry registry;
    private final CycleRepository cycles;
    private final NodeTaskRepository tasks;
    private final TaskInbox inbox;
    private final TaskDispatcher dispatcher;
    private final SignalPublisher publisher;
    private final TerminationFlags flags;
    private final CycleSetups setups;
    private final ExecutionJournalUseCase journal;
    private final RunningTasks running;
    private final ExecutionControls controls;
    private final WorkerId worker;
    private final Clock clock;
    private final ExecutionReads reads;
    private final Map<PlanKey, ExecutionPlan> plans = new ConcurrentHashMap<>();
    private final Object[] startLocks = java.util.stream.Stream.generate(Object::new).limit(64).toArray();

    public ExecutionService(QueryFlowsUseCase flows, FlowRepository flowRepository, HandleCycleEndUseCase cycleEnded,
            NodeRegistry registry, CycleRepository cycles, NodeTaskRepository tasks, TaskInbox inbox,
            TaskDispatcher dispatcher, SignalPublisher publisher, TerminationFlags flags, CycleSetups setups,
            ExecutionJournalUseCase journal, RunningTasks running, ExecutionControls controls, WorkerId worker,
            Clock clock, ExecutionReads reads) {
        this.flows = flows;
        this.flowRepository = flowRepository;
        this.cycleEnded = cycleEnded;
        this.registry = registry;
        this.cycles = cycles;
        this.tasks = tasks;
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.publisher = publisher;
        this.flags = flags;
        this.setups = setups;
        this.journal = journal;
        this.running = running;
        this.controls = controls;
        this.worker = worker;
        this.clock = clock;
        this.reads = reads;
    }

    // ----------------------------------------------------------------------------------- cycles

    @Override
    public CycleNumber runNow(FlowId flowId) {
        return start(flowId, clock.instant(), Trigger.MANUAL, true).orElseThrow();
    }

    @Override
    public Optional<CycleNumber> launch(FlowId flowId, Instant scheduledAt, Trigger trigger) {
        return start(flowId, scheduledAt, trigger, false);
    }

    private Optional<CycleNumber> start(FlowId flowId, Instant scheduledAt, Trigger trigger, boolean refuseLoudly) {
        Optional<LoadedFlow> loaded = flows.load(flowId);
        if (loaded.isEmpty()) {
            if (refuseLoudly) {
                throw new FlowNotFoundException(flowId);
            }
            return Optional.empty();
        }
        LoadedFlow flow = loaded.get();
        if (trigger == Trigger.SCHEDULE && flow.flow().status() != FlowStatus.RUNNING) {
            // A tick of a flow stopped since it was armed (the scheduler leaves this check to the
            // launch, which has the flow at hand; the claim below checks again atomically).
            return Optional.empty();
        }
        ExecutionPlan plan = plan(flowId, flow.flow().definitionVersion(), flow.definition());
        CycleNumber number;
        Instant now;
        Cycle inserted;
        // Counting the running cycles and inserting the new one must not interleave with another
        // start of the same flow, or two starts both see room for one more cycle.
        if (controls.isFlowPaused(flowId)) {
            schedulerLog(flowId, -1, LogLevel.INFO, "tick skipped: the flow is paused");
            if (refuseLoudly) {
                throw new CycleRefusedException(flowId, "the flow is paused");
            }
            return Optional.empty();
        }
        synchronized (startLock(flowId)) {
            OverlapVerdict overlap = new OverlapPolicy(flow.definition().maxConcurrentCycles())
                    .decide(ownRunningCycles(flowId));
            if (!overlap.isStart()) {
                schedulerLog(flowId, -1, LogLevel.WARNING, "tick skipped: " + overlap.reason());
                if (refuseLoudly) {
                    throw new CycleRefusedException(flowId, overlap.reason());
                }
                return Optional.empty();
            }
            // A scheduled tick takes a number only while the flow is running, checked in the same
            // atomic update as the claim: a stop that lands after the scheduler's own status check
            // still prevents the cycle.
            Optional<CycleNumber> claimed = flowRepository.update(flowId,
                    f -> trigger == Trigger.SCHEDULE && f.status() != FlowStatus.RUNNING ? null : f.claimNextCycle());
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            number = claimed.get();
            setups.remember(flowId, number, new CycleSetup(flow.definition(), flow.flow().definitionVersion(), trigger,
                    scheduledAt));
            now = clock.instant();
            inserted = insertCycle(plan, number, flow.definition().nodeIds(), now);
        }
        long lagMillis = Duration.between(scheduledAt, now).toMillis();
        schedulerLog(flowId, number.value(), LogLevel.INFO, "cycle " + number + " started ("
                + trigger.name().toLowerCase(java.util.Locale.ROOT) + ", " + lagMillis + " ms after its scheduled time)");
        for (PlannedNode node : plan.nodes()) {
            if (node.isEntry()) {
                // The cycle as just stored: whatever ends or stops it from now on ends the
                // registered tasks first, so their ready marking fails.
                dispatchReady(plan, number, node, Map.of(), Optional.of(inserted));
            }
        }
        return Optional.of(number);
    }

    @Override
    public void terminateRunningCycles(FlowId flowId, String reason) {
        for (CycleNumber number : cycles.running(flowId)) {
            cycles.update(flowId, number, cycle -> {
                if (cycle.isRunning()) {
                    cycle.requestTermination(clock.instant());
                    cycle.pullEvents();
                }
                return null;
            });
            Optional<ExecutionPlan> plan = planOf(flowId, number);
            List<NodeId> nodes = plan.isPresent()
                    ? plan.get().nodes().stream().map(PlannedNode::id).toList()
                    : tasks.findByCycle(flowId, number).stream().map(t -> t.id().nodeId()).toList();
            for (NodeId node : nodes) {
                terminate(plan.orElse(null), NodeTaskId.of(flowId, number, node), reason);
            }
        }
    }

    @Override
    public int runningCycles(FlowId flowId) {
        return ownRunningCycles(flowId);
    }

    /** The flow's own running cycles: partial runs never count against its overlap policy. */
    private int ownRunningCycles(FlowId flowId) {
        int count = 0;
        for (CycleNumber number : cycles.running(flowId)) {
            if (!PartialRunId.isPartialRun(number)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void forget(FlowId flowId) {
        cycles.deleteFlow(flowId);
        tasks.deleteFlow(flowId);
        inbox.forgetFlow(flowId);
        flags.forgetFlow(flowId);
        setups.forgetFlow(flowId);
        controls.forgetFlow(flowId);
        plans.keySet().removeIf(key -> key.flowId().equals(flowId));
    }

    // ------------------------------------------------------------------------------------ tasks

    @Override
    public void run(TaskAssignment assignment) {
        NodeTaskId id = assignment.task();
        // The setup, the cycle, the termination request and the pauses, read together.
        ExecutionReads.TaskStart state = reads.taskStart(id);
        Optional<ExecutionPlan> maybePlan = state.setup().map(s -> planFor(id.flowId(), id.cycle(), s));
        Optional<Cycle> maybeCycle = state.cycle();
        if (maybePlan.isEmpty() || maybeCycle.isEmpty() || !maybeCycle.get().isRunning()) {
            return;
        }
        ExecutionPlan plan = maybePlan.get();
        PlannedNode node = plan.node(id.nodeId());
        if (assignment.redelivered()) {
            recoverLostRun(id);
        }
        String stop = stopReason(maybeCycle.get(), node);
        if (stop == null) {
            stop = state.termination().orElse(null);
        }
        if (stop != null) {
            terminate(plan, id, stop);
            return;
        }
        Optional<Pause> pause = controls.holding(id, state.pauses());
        if (pause.isPresent()) {
            hold(assignment, pause.get());
            return;
        }
        Instant startedAt = clock.instant();
        Duration timeout = node.definition().timeout();
        // Registered before the start is recorded: a termination requested once the task shows as
        // running reaches this handle (directly or over the termination channel) and takes effect
        // when it is armed, so no second read of the termination flag is needed.
        RunningTasks.Handle handle = running.prepare(id, node.component(), timeout);
        if (handle == null) {
            // Another delivery of the task is starting or running it on this instance.
            return;
        }
        boolean started = false;
        try {
            started = tasks.update(id, task -> {
                if (task.status() != NodeTaskStatus.PENDING) {
                    return false;
                }
                task.start(worker, startedAt);
                task.pullEvents();
                return true;
            }).orElse(false);
        } finally {
            if (!started) {
                handle.close();
            }
        }
        if (!started) {
            return;
        }
        Optional<NodeRegistry.RegisteredNodeType> type = registry.registered(node.type().type());
        if (type.isEmpty()) {
            handle.close();
            fail(plan, id, node, "node type " + node.type().type() + " is not available on worker " + worker);
            return;
        }
        NodeResult result = null;
        Throwable error = null;
        String interruption;
        boolean timedOut;
        try (handle) {
            handle.arm();
            TaskContext context = new TaskContext(id, node.type().type(), assignment.attempt(),
                    node.definition().config(), assignment.inputs(), startedAt.plus(timeout), handle, flags, tasks,
                    journal, clock);
            try {
                result = type.get().node().execute(context);
            } catch (Throwable t) {
                error = t;
            }
            interruption = handle.interruption();
            timedOut = handle.timedOut();
        }
        if (timedOut) {
            fail(plan, id, node, interruption);
        } else if (interruption != null) {
            terminateOwnAttempt(plan, id, interruption);
        } else if (error != null) {
            failedAttempt(plan, assignment, node, error);
        } else if (result.stopsExecution()) {
            stopComponent(plan, id, node, result.stopReason());
            complete(plan, id, node, startedAt);
        } else {
            emit(plan, id, node, result.outputs());
            complete(plan, id, node, startedAt);
        }
    }

    /**
     * A redelivered task may still be recorded as running by a worker that died (or lost its
     * connection) before it acknowledged the delivery: it goes back to pending so that it runs
     * again. A task running on this very instance is left to finish. Finished tasks are never
     * touched, so a completed node never runs twice in a cycle.
     */
    private void recoverLostRun(NodeTaskId id) {
        Instant now = clock.instant();
        WorkerId[] lost = new WorkerId[1];
        boolean reset = tasks.update(id, task -> {
            if (task.status() != NodeTaskStatus.RUNNING || running.isRunning(id)) {
                return false;
            }
            lost[0] = task.worker();
            task.retryLater("worker lost, running again", now);
            task.pullEvents();
            return true;
        }).orElse(false);
        if (reset) {
            nodeLog(id, LogLevel.WARNING, "worker " + lost[0] + " was lost while running the task; running it again");
        }
    }

    private void failedAttempt(ExecutionPlan plan, TaskAssignment assignment, PlannedNode node, Throwable error) {
        NodeTaskId id = assignment.task();
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        io.weatherstation.flow.domain.RetryPolicy retry = node.definition().retry();
        RetryDecision decision = RetryPolicy.of(retry.maxAttempts(), retry.initialBackoff()).decide(assignment.attempt());
        if (decision.isRetry()) {
            boolean requeued = tasks.update(id, task -> {
                if (task.status() != NodeTaskStatus.RUNNING) {
                    return false;
                }
                task.retryLater(message, clock.instant());
                task.pullEvents();
                return true;
            }).orElse(false);
            if (requeued) {
                nodeLog(id, LogLevel.WARNING, "attempt " + assignment.attempt() + " failed: " + message + "; retrying in "
                        + decision.after().toMillis() + " ms");
                dispatch(plan, node, assignment.nextAttempt(), decision.after());
            }
            return;
        }
        fail(plan, id, node, message);
    }

    private void complete(ExecutionPlan plan, NodeTaskId id, PlannedNode node, Instant startedAt) {
        Instant now = clock.instant();
        boolean completed = tasks.update(id, task -> {
            if (task.status() != NodeTaskStatus.RUNNING) {
                return false;
            }
            task.complete(now);
            task.pullEvents();
            return true;
        }).orElse(false);
        if (completed) {
            nodeLog(id, LogLevel.INFO, "completed in " + Duration.between(startedAt, now).toMillis() + " ms");
            finished(id);
        }
    }

    @Override
    public void fail(NodeTaskId id, String reason) {
        Optional<ExecutionPlan> plan = planOf(id.flowId(), id.cycle());
        Optional<Cycle> cycle = cycles.find(id.flowId(), id.cycle());
        if (plan.isEmpty() || cycle.isEmpty() || !cycle.get().isRunning() || !plan.get().contains(id.nodeId())) {
            return;
        }
        fail(plan.get(), id, plan.get().node(id.nodeId()), reason);
    }

    @Override
    public void failWaiting(NodeTaskId id, String reason) {
        Optional<ExecutionPlan> plan = planOf(id.flowId(), id.cycle());
        Optional<Cycle> cycle = cycles.find(id.flowId(), id.cycle());
        if (plan.isEmpty() || cycle.isEmpty() || !cycle.get().isRunning() || !plan.get().contains(id.nodeId())) {
            return;
        }
        // Only an attempt can fail: the waiting task is made ready and started here first.
        boolean failed = tasks.update(id, task -> {
            if (task.status() != NodeTaskStatus.REGISTERED) {
                return false;
            }
            Instant now = clock.instant();
            task.markReady(now);
            task.start(worker, now);
            task.fail(reason, now);
            task.pullEvents();
            return true;
        }).orElse(false);
        if (failed) {
            nodeLog(id, LogLevel.ERROR, "failed: " + reason);
            skipDownstream(plan.get(), id.cycle(), plan.get().node(id.nodeId()), SkipReason.UPSTREAM_FAILED);
            finished(id);
        }
    }

    /**
     * Fails a running task, or a pending one that was dispatched but whose start was never
     * recorded (the transport gave up on it): that one is started here first, since only an
     * attempt can fail.
     */
    private void fail(ExecutionPlan plan, NodeTaskId id, PlannedNode node, String message) {
        boolean failed = tasks.update(id, task -> {
            if (task.isFinished() || task.status() == NodeTaskStatus.REGISTERED
                    || task.status() == NodeTaskStatus.PAUSED) {
                return false;
            }
            Instant now = clock.instant();
            if (task.status() == NodeTaskStatus.PENDING) {
                task.start(worker, now);
            }
            task.fail(message, now);
            task.pullEvents();
            return true;
        }).orElse(false);
        if (failed) {
            nodeLog(id, LogLevel.ERROR, "failed: " + message);
            skipDownstream(plan, id.cycle(), node, SkipReason.UPSTREAM_FAILED);
            finished(id);
        }
    }

    /**
     * Terminates a task that has not finished: at once when it is not running, otherwise by
     * flagging and interrupting it (it then ends terminated through {@link #run}).
     */
    private void terminate(@Nullable ExecutionPlan plan, NodeTaskId id, String reason) {
        terminate(plan, id, reason, false);
    }

    /**
     * Ends a running task as terminated, called by the runner whose attempt observed the
     * termination request (or was interrupted by it): only that runner may end a running task.
     */
    private void terminateOwnAttempt(ExecutionPlan plan, NodeTaskId id, String reason) {
        terminate(plan, id, reason, true);
    }

    private void terminate(@Nullable ExecutionPlan plan, NodeTaskId id, String reason, boolean ownAttempt) {
        enum Outcome { NONE, TERMINATED, RUNNING }
        Outcome outcome = tasks.update(id, task -> {
            if (task.isFinished()) {
                return Outcome.NONE;
            }
            if (task.status() == NodeTaskStatus.RUNNING && !ownAttempt) {
                return Outcome.RUNNING;
            }
            task.terminate(reason, clock.instant());
            task.pullEvents();
            return Outcome.TERMINATED;
        }).orElse(Outcome.NONE);
        switch (outcome) {
            case RUNNING -> {
                flags.request(id, reason);
                running.terminate(id, reason);
            }
            case TERMINATED -> {
                nodeLog(id, LogLevel.WARNING, "terminated: " + reason);
                if (plan != null && plan.contains(id.nodeId())) {
                    skipDownstream(plan, id.cycle(), plan.node(id.nodeId()), SkipReason.UPSTREAM_SKIPPED);
                }
                finished(id);
            }
            case NONE -> { }
        }
    }

    private void skipTask(ExecutionPlan plan, CycleNumber cycle, PlannedNode node, SkipReason reason) {
        NodeTaskId id = NodeTaskId.of(plan.flowId(), cycle, node.id());
        // In a stopped component or a terminated cycle every unfinished node ends terminated with
        // the stop's reason, whichever gets to it first: the stop's own loop or a skip coming
        // down from a node the stop already ended.
        String stop = cycles.find(plan.flowId(), cycle).map(c -> stopReason(c, node)).orElse(null);
        if (stop != null) {
            terminate(plan, id, stop);
            return;
        }
        boolean skipped = tasks.update(id, task -> {
            if (task.isFinished()) {
                return false;
            }
            task.skip(reason.wireName(), clock.instant());
            task.pullEvents();
            return true;
        }).orElse(false);
        if (skipped) {
            nodeLog(id, LogLevel.INFO, "skipped: " + reason.wireName());
            skipDownstream(plan, cycle, node, reason);
            finished(id);
        }
    }

    private void skipDownstream(ExecutionPlan plan, CycleNumber cycle, PlannedNode node, SkipReason reason) {
        for (Send send : node.sends()) {
            skipEdge(plan, cycle, node, send, reason);
        }
    }

    private void skipEdge(ExecutionPlan plan, CycleNumber cycle, PlannedNode source, Send send, SkipReason reason) {
        PlannedNode target = plan.node(send.target());
        ReadinessVerdict verdict = inbox.skip(NodeTaskId.of(plan.flowId(), cycle, target.id()), target.wiring(),
                send.edgeKey(source.id()), reason);
        onVerdict(plan, cycle, target, verdict);
    }

    private void finished(NodeTaskId id) {
        if (cycles.taskFinished(id.flowId(), id.cycle(), id.nodeId()) == 0) {
            finishCycle(id.flowId(), id.cycle());
        }
    }

    private void finishCycle(FlowId flowId, CycleNumber number) {
        Map<NodeId, NodeTaskStatus> statuses = new LinkedHashMap<>();
        for (NodeTask task : tasks.findByCycle(flowId, number)) {
            statuses.put(task.id().nodeId(), task.status());
        }
        Instant now = clock.instant();
        Optional<Cycle> finished;
        try {
            finished = cycles.update(flowId, number, cycle -> {
                cycle.finish(statuses, now);
                cycle.pullEvents();
                return cycle;
            });
        } catch (CycleAlreadyFinishedException alreadyFinished) {
            return;
        }
        if (finished.isEmpty()) {
            return;
        }
        Cycle cycle = finished.get();
        CycleStatus status = cycle.status();
        schedulerLog(flowId, number.value(), status == CycleStatus.FAILED ? LogLevel.ERROR : LogLevel.INFO,
                "cycle " + number + " " + status.name().toLowerCase(java.util.Locale.ROOT) + " in "
                        + Duration.between(cycle.startTime(), now).toMillis() + " ms");
        Optional<CycleSetup> setup = setups.find(flowId, number);
        inbox.forgetCycle(flowId, number);
        setups.forget(flowId, number);
        if (!PartialRunId.isPartialRun(number)) {
            setup.ifPresent(s -> cycleEnded.cycleEnded(flowId, number, s.trigger(), now));
        }
    }

    // ---------------------------------------------------------------------------------- signals

    /**
     * Sends the node's outputs along its edges. Consecutive signals are handed to the publisher
     * together, so a transport can send them at once and wait for their confirms together (a
     * fan-out of 50 edges costs one round of confirms, not 50); an edge that is skipped first
     * flushes the signals before it, so the order of signals and skips stays that of the edges.
     */
    private void emit(ExecutionPlan plan, NodeTaskId id, PlannedNode node, Map<String, Object> outputs) {
        List<SignalPublisher.Outgoing> pending = new ArrayList<>();
        for (Send send : node.sends()) {
            Object value = outputs.get(send.sourceHandle().value());
            if (value == null) {
                publish(pending);
                skipEdge(plan, id.cycle(), node, send, SkipReason.UPSTREAM_SKIPPED);
                continue;
            }
            Map<String, Object> payload = payloadOf(value);
            Instant now = clock.instant();
            SignalRoute route;
            Signal signal;
            if (send.wildcard()) {
                route = SignalRoute.wildcard(plan.flowId(), node.component(), id.cycle(), node.id(),
                        send.sourceHandle(), send.target());
                Map<String, Object> perHandle = new LinkedHashMap<>();
                send.targetHandles().forEach(h -> perHandle.put(h.value(), payload));
                signal = Signal.of(send.signalType(), perHandle, now);
            } else {
                route = SignalRoute.to(plan.flowId(), node.component(), id.cycle(), node.id(), send.sourceHandle(),
                        send.target(), send.targetHandles().getFirst());
                signal = Signal.of(send.signalType(), payload, now);
            }
            journal.signal(new SignalRecord(plan.flowId(), id.cycle().value(), node.component().value(),
                    node.id().value(), send.sourceHandle().value(), send.target().value(),
                    send.wildcard() ? "*" : send.targetHandles().getFirst().value(), send.signalType().name(),
                    signal.payload(), now));
            pending.add(new SignalPublisher.Outgoing(route, signal));
        }
        publish(pending);
    }

    private void publish(List<SignalPublisher.Outgoing> pending) {
        if (pending.size() == 1) {
            SignalPublisher.Outgoing only = pending.getFirst();
            publisher.publish(only.route(), only.signal());
        } else if (!pending.isEmpty()) {
            publisher.publishAll(List.copyOf(pending));
        }
        pending.clear();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payloadOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", value);
        return wrapped;
    }

    @Override
    public void receive(SignalRoute route, Signal signal) {
        // The setup and the cycle, read together; the cycle is the one a READY verdict dispatches on.
        ExecutionReads.CycleView state = reads.cycle(route.flowId(), route.cycle());
        Optional<ExecutionPlan> maybePlan = state.setup().map(s -> planFor(route.flowId(), route.cycle(), s));
        if (maybePlan.isEmpty() || !maybePlan.get().contains(route.targetNode())
                || !maybePlan.get().contains(route.sourceNode())) {
            return;
        }
        ExecutionPlan plan = maybePlan.get();
        PlannedNode target = plan.node(route.targetNode());
        Optional<HandleName> handle = route.namedTargetHandle();
        if (handle.isPresent() && target.wiring().handle(handle.get()).isEmpty()) {
            schedulerLog(route.flowId(), route.cycle().value(), LogLevel.WARNING,
                    "signal rejected: node " + target.id() + " has no connected input " + handle.get());
            return;
        }
        ReadinessVerdict verdict = inbox.deliver(NodeTaskId.of(route.flowId(), route.cycle(), target.id()),
                target.wiring(), io.weatherstation.execution.domain.EdgeKey.from(route), handle.orElse(null), signal);
        if (verdict.outcome() == ReadinessVerdict.Outcome.READY) {
            dispatchReady(plan, route.cycle(), target, verdict.inputs(), state.cycle());
        } else {
            onVerdict(plan, route.cycle(), target, verdict);
        }
    }

    private void onVerdict(ExecutionPlan plan, CycleNumber cycle, PlannedNode node, ReadinessVerdict verdict) {
        switch (verdict.outcome()) {
            case READY -> dispatchReady(plan, cycle, node, verdict.inputs());
            case SKIP -> skipTask(plan, cycle, node, verdict.skipReason() == null
                    ? SkipReason.UPSTREAM_SKIPPED : verdict.skipReason());
            case WAITING, ALREADY_TRIGGERED -> { }
        }
    }

    private void dispatchReady(ExecutionPlan plan, CycleNumber number, PlannedNode node, Map<String, Object> inputs) {
        dispatchReady(plan, number, node, inputs, cycles.find(plan.flowId(), number));
    }

    /**
     * Marks the task ready and dispatches it, unless {@code cycle} (read now, or just before the
     * verdict) has ended or stops the task. The cycle may have been read before the verdict:
     * whatever ended or stopped it since then ends the task through its own compare-and-set
     * update, which this one's then cannot pass (or which follows it), and the task start checks
     * the cycle again.
     */
    private void dispatchReady(ExecutionPlan plan, CycleNumber number, PlannedNode node, Map<String, Object> inputs,
            Optional<Cycle> cycle) {
        NodeTaskId id = NodeTaskId.of(plan.flowId(), number, node.id());
        if (cycle.isEmpty() || !cycle.get().isRunning()) {
            return;
        }
        String stop = stopReason(cycle.get(), node);
        if (stop != null) {
            terminate(plan, id, stop);
            return;
        }
        boolean ready = tasks.update(id, task -> {
            if (task.status() != NodeTaskStatus.REGISTERED) {
                return false;
            }
            task.markReady(clock.instant());
            task.pullEvents();
            return true;
        }).orElse(false);
        if (ready) {
            dispatch(plan, node, new TaskAssignment(id, node.type().type(), node.component(),
                    controls.withSuppliedInputs(id, inputs), 1), null);
        }
    }

    /**
     * Hands a pending task to the dispatcher, now or after {@code delay}. When the dispatcher
     * gives up (the transport retried and still could not take the task), no worker will ever
     * see the task: it fails with the reason, so its downstream is skipped and its cycle ends
     * instead of waiting for a task that never comes.
     */
    private void dispatch(ExecutionPlan plan, PlannedNode node, TaskAssignment assignment, @Nullable Duration delay) {
        try {
            if (delay == null) {
                dispatcher.dispatch(assignment);
            } else {
                dispatcher.dispatchAfter(assignment, delay);
            }
        } catch (RuntimeException e) {
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            fail(plan, assignment.task(), node, "could not be dispatched: " + cause);
        }
    }

    private static @Nullable String stopReason(Cycle cycle, PlannedNode node) {
        if (cycle.terminationRequested()) {
            return "flow stopped with termination";
        }
        return cycle.componentStop(node.component())
                .map(s -> "execution stopped by node " + s.sourceNode() + ": " + s.reason())
                .orElse(null);
    }

    private void stopComponent(ExecutionPlan plan, NodeTaskId requester, PlannedNode node, String reason) {
        Instant now = clock.instant();
        cycles.update(plan.flowId(), requester.cycle(), cycle -> {
            cycle.stopComponent(node.component(), reason, node.id(), now);
            cycle.pullEvents();
            return null;
        });
        nodeLog(requester, LogLevel.WARNING, "stopped execution of component " + node.component() + ": " + reason);
        Signal stop = new StopRequest(node.component(), reason, node.id(), now).toSignal();
        journal.signal(new SignalRecord(plan.flowId(), requester.cycle().value(), node.component().value(),
                node.id().value(), SignalType.STOP_EXECUTION.name(), "*", "*", SignalType.STOP_EXECUTION.name(),
                stop.payload(), now));
        publisher.publishStop(StopRoute.of(plan.flowId(), requester.cycle()), stop);
        String terminationReason = "execution stopped by node " + node.id() + ": " + reason;
        for (PlannedNode other : plan.nodes()) {
            if (other.component().equals(node.component()) && !other.id().equals(node.id())) {
                terminate(plan, NodeTaskId.of(plan.flowId(), requester.cycle(), other.id()), terminationReason);
            }
        }
    }

    @Override
    public NodeTask stop(String nodeTaskId, String reason) {
        NodeTask task = tasks.findByDisplayId(nodeTaskId).orElseThrow(() -> new NodeTaskNotFoundException(nodeTaskId));
        terminate(planOf(task.id().flowId(), task.id().cycle()).orElse(null), task.id(), reason);
        return tasks.find(task.id()).orElse(task);
    }

    // ------------------------------------------------------------------------- operator controls

    /**
     * A pause holds a task that was about to start: it waits in status {@code paused} with its
     * assignment parked until a resume releases it. Its timeout has not started. Should the pause
     * end while the task was being parked, the task releases itself (exactly one of this and the
     * resume takes the parked assignment).
     */
    private void hold(TaskAssignment assignment, Pause pause) {
        NodeTaskId id = assignment.task();
        String reason = "held: " + pause.target() + " is paused (" + pause.kind().wireName() + ")";
        enum Held { NOW, ALREADY, NO }
        Held held = tasks.update(id, task -> {
            if (task.status() == NodeTaskStatus.PAUSED) {
                return Held.ALREADY;
            }
            if (task.status() != NodeTaskStatus.PENDING) {
                return Held.NO;
            }
            task.hold(reason, clock.instant());
            task.pullEvents();
            return Held.NOW;
        }).orElse(Held.NO);
        if (held == Held.NO) {
            return;
        }
        // A redelivery of a task already held (its instance died between holding and parking it)
        // parks it again: parking is idempotent, and the task must not stay paused unreleasable.
        controls.parked().park(assignment);
        if (held == Held.NOW) {
            nodeLog(id, LogLevel.INFO, reason);
        }
        if (controls.holding(id).isEmpty()) {
            release(id, Map.of());
        }
    }

    /**
     * Releases a held task to run (with {@code inputs} replacing or adding to its parked inputs).
     * Returns false when it was not held any more (released, skipped or terminated meanwhile).
     */
    boolean release(NodeTaskId id, Map<String, Object> inputs) {
        Optional<TaskAssignment> parked = controls.parked().take(id);
        if (parked.isEmpty()) {
            return false;
        }
        boolean released = tasks.update(id, task -> {
            if (task.status() != NodeTaskStatus.PAUSED) {
                return false;
            }
            task.release(clock.instant());
            task.pullEvents();
            return true;
        }).orElse(false);
        if (!released) {
            return false;
        }
        TaskAssignment assignment = parked.get();
        Map<String, Object> merged = new LinkedHashMap<>(assignment.inputs());
        merged.putAll(inputs);
        nodeLog(id, LogLevel.INFO, "released: resumed");
        TaskAssignment next = new TaskAssignment(id, assignment.nodeType(), assignment.component(), merged,
                assignment.attempt());
        Optional<ExecutionPlan> plan = planOf(id.flowId(), id.cycle());
        if (plan.isPresent() && plan.get().contains(id.nodeId())) {
            dispatch(plan.get(), plan.get().node(id.nodeId()), next, null);
        } else {
            dispatcher.dispatch(next);
        }
        return true;
    }

    /**
     * Skips a held task instead of running it (resume with skipping): it ends {@code skipped} and
     * its downstream nodes are skipped as for a branch not taken. Returns false when it was not
     * held any more.
     */
    boolean skipHeld(NodeTaskId id, String reason) {
        Optional<TaskAssignment> parked = controls.parked().take(id);
        if (parked.isEmpty()) {
            return false;
        }
        Optional<ExecutionPlan> plan = planOf(id.flowId(), id.cycle());
        boolean skipped = tasks.update(id, task -> {
            if (task.status() != NodeTaskStatus.PAUSED) {
                return false;
            }
            task.skip(reason, clock.instant());
            task.pullEvents();
            return true;
        }).orElse(false);
        if (!skipped) {
            return false;
        }
        nodeLog(id, LogLevel.INFO, "skipped: " + reason);
        if (plan.isPresent() && plan.get().contains(id.nodeId())) {
            skipDownstream(plan.get(), id.cycle(), plan.get().node(id.nodeId()), SkipReason.UPSTREAM_SKIPPED);
        }
        finished(id);
        return true;
    }

    /** Stores a new running cycle of {@code plan} with a registered task for each of its nodes. */
    private Cycle insertCycle(ExecutionPlan plan, CycleNumber number, List<NodeId> nodeIds, Instant now) {
        Cycle cycle = Cycle.start(plan.flowId(), number, nodeIds, now);
        cycle.pullEvents();
        List<NodeTask> registered = new ArrayList<>();
        for (PlannedNode node : plan.nodes()) {
            NodeTask task = NodeTask.register(NodeTaskId.of(plan.flowId(), number, node.id()), node.type().type(),
                    node.component(), now);
            task.pullEvents();
            registered.add(task);
        }
        cycles.insert(cycle, registered);
        return cycle;
    }

    /**
     * Starts a partial run as a cycle of the partial-run namespace running {@code part} (a
     * subgraph of the flow's definition {@code version}). Never touches the flow itself: its
     * {@code last_cycle}, status and schedule stay as they are, and its overlap policy ignores
     * partial runs.
     */
    void startPartialRun(PartialRun run, io.weatherstation.flow.domain.FlowDefinition part, long version) {
        FlowId flowId = run.flowId();
        CycleNumber number = run.id().cycle();
        ExecutionPlan plan = plan(flowId, version, part, run.id().value());
        setups.remember(flowId, number, new CycleSetup(part, version, CycleLauncher.Trigger.MANUAL, run.startedAt()));
        insertCycle(plan, number, part.nodeIds(), clock.instant());
        schedulerLog(flowId, number.value(), LogLevel.INFO, "partial run " + run.id() + " started ("
                + run.mode().wireName() + " of node " + run.trigger() + ", " + run.nodes().size() + " node(s))");
        for (NodeId nodeId : run.nodes()) {
            PlannedNode node = plan.node(nodeId);
            if (node.isEntry()) {
                dispatchReady(plan, number, node, Map.of());
            }
        }
    }

    /** Terminates every unfinished task of one running cycle (a cancelled partial run). */
    void terminateCycle(FlowId flowId, CycleNumber number, String reason) {
        boolean requested = cycles.update(flowId, number, cycle -> {
            if (!cycle.isRunning()) {
                return false;
            }
            cycle.requestTermination(clock.instant());
            cycle.pullEvents();
            return true;
        }).orElse(false);
        if (!requested) {
            return;
        }
        Optional<ExecutionPlan> plan = planOf(flowId, number);
        for (NodeTask task : tasks.findByCycle(flowId, number)) {
            terminate(plan.orElse(null), task.id(), reason);
        }
    }

    // ---------------------------------------------------------------------------------- queries

    @Override
    public Optional<CycleDetails> cycle(FlowId flowId, CycleNumber cycle) {
        return cycles.find(flowId, cycle).map(c -> new CycleDetails(c, tasks.findByCycle(flowId, cycle)));
    }

    /** The flow's own cycles, newest first (partial runs are listed by their own query). */
    @Override
    public List<Cycle> cycles(FlowId flowId, int limit) {
        int fetch = limit;
        while (true) {
            List<Cycle> found = cycles.findByFlow(flowId, fetch);
            List<Cycle> own = found.stream().filter(c -> !PartialRunId.isPartialRun(c.number())).limit(limit).toList();
            if (own.size() >= limit || found.size() < fetch || fetch >= Integer.MAX_VALUE / 2) {
                return own;
            }
            fetch *= 2;
        }
    }

    @Override
    public Optional<NodeTask> task(String nodeTaskId) {
        return tasks.findByDisplayId(nodeTaskId);
    }

    // ------------------------------------------------------------------------------------ plans

    private Optional<ExecutionPlan> planOf(FlowId flowId, CycleNumber cycle) {
        return setups.find(flowId, cycle).map(s -> planFor(flowId, cycle, s));
    }

    private ExecutionPlan planFor(FlowId flowId, CycleNumber cycle, CycleSetup setup) {
        return plan(flowId, setup.definitionVersion(), setup.definition(),
                PartialRunId.isPartialRun(cycle) ? PartialRunId.ofCycle(cycle).value() : 0);
    }

    private ExecutionPlan plan(FlowId flowId, long version, io.weatherstation.flow.domain.FlowDefinition definition) {
        return plan(flowId, version, definition, 0);
    }

    /** A partial run executes its own part of the definition: its plan is cached under its own key. */
    private ExecutionPlan plan(FlowId flowId, long version, io.weatherstation.flow.domain.FlowDefinition definition,
            long partialRun) {
        PlanKey key = new PlanKey(flowId, version, partialRun);
        ExecutionPlan plan = plans.get(key);
        if (plan != null) {
            return plan;
        }
        if (plans.size() >= MAX_CACHED_PLANS) {
            plans.clear();
        }
        return plans.computeIfAbsent(key, k -> ExecutionPlan.compile(flowId, version, definition, registry));
    }

    private record PlanKey(FlowId flowId, long version, long partialRun) {
    }

    /**
     * The lock serialising cycle starts of one flow on this instance (striped: bounded memory, no
     * clean-up). It covers one instance only: with several instances, scheduled ticks are already
     * started by one of them (tick claims), but concurrent manual runs on different instances
     * need the count-and-insert to be atomic in the shared store.
     */
    private Object startLock(FlowId flowId) {
        return startLocks[Math.floorMod(flowId.hashCode(), startLocks.length)];
    }

    private void nodeLog(NodeTaskId id, LogLevel level, String message) {
        journal.log(new LogEntry(id.flowId(), id.cycle().value(), id.nodeId(), level, LogSource.NODE, message, Map.of(),
                clock.instant()));
    }

    private void schedulerLog(FlowId flowId, long cycle, LogLevel level, String message) {
        journal.log(new LogEntry(flowId, cycle, null, level, LogSource.SCHEDULER, message, Map.of(), clock.instant()));
    }
}
