package io.weatherstation.flow.application;

import io.weatherstation.flow.application.port.in.ControlFlowUseCase;
import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase;
import io.weatherstation.flow.application.port.out.CycleLauncher;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.domain.DirectedEdge;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.flow.domain.FlowStructure;
import io.weatherstation.flow.domain.Schedule;
import io.weatherstation.flow.domain.StructureAnalyzer;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.shared.domain.FlowId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Registration, lifecycle and reads of flows. */
public final class FlowService implements RegisterFlowUseCase, ControlFlowUseCase {

    private final FlowRepository flows;
    private final FlowQueryService reader;
    private final FlowScheduler scheduler;
    private final CycleLauncher launcher;
    private final ExecutionJournalUseCase journal;
    private final Clock clock;

    public FlowService(FlowRepository flows, FlowQueryService reader, FlowScheduler scheduler, CycleLauncher launcher,
            ExecutionJournalUseCase journal, Clock clock) {
        this.flows = flows;
        this.reader = reader;
        this.scheduler = scheduler;
        this.launcher = launcher;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Registration register(RegisterFlowCommand command) {
        FlowDefinition definition = reader.parse(command.definition());
        FlowStructure structure = analyze(definition);
        Map<String, Object> document = (Map<String, Object>) command.definition();
        Instant now = clock.instant();
        FlowId id = command.flowId();
        while (true) {
            Optional<Flow> replaced = flows.update(id, flow -> {
                flow.replaceDefinition(document, structure, now);
                return flow;
            });
            if (replaced.isPresent()) {
                Flow flow = replaced.get();
                flow.pullEvents();
                reader.evict(id);
                log(id, LogSource.USER, "definition replaced (version " + flow.definitionVersion() + ")");
                if (flow.status() == FlowStatus.RUNNING) {
                    scheduler.reschedule(id, definition.schedule(), now);
                }
                return new Registration(flow, true);
            }
            Flow flow = Flow.register(id, document, structure, now);
            flow.pullEvents();
            if (flows.insert(flow)) {
                log(id, LogSource.USER, "registered with " + definition.nodes().size() + " node(s) in "
                        + structure.componentCount() + " component(s)");
                return new Registration(flow, false);
            }
            // Another request registered the same id in between: replace it instead.
        }
    }

    private static FlowStructure analyze(FlowDefinition definition) {
        List<DirectedEdge> edges = definition.edges().stream()
                .map(e -> new DirectedEdge(e.source(), e.target()))
                .toList();
        return StructureAnalyzer.analyze(definition.nodeIds(), edges);
    }

    @Override
    public Flow start(FlowId flowId) {
        Instant now = clock.instant();
        QueryFlowsUseCase.LoadedFlow loaded = reader.load(flowId).orElseThrow(() -> new FlowNotFoundException(flowId));
        Schedule schedule = loaded.definition().schedule();
        // An interval schedule runs its first cycle at once; a cron schedule only at the times its
        // expression matches, never at whatever moment the flow was started.
        Instant firstTick = schedule instanceof Schedule.Cron
                ? scheduler.nextTickAfter(schedule, now).orElse(null)
                : now;
        Flow flow = flows.update(flowId, f -> {
            f.start(now, firstTick);
            return f;
        }).orElseThrow(() -> new FlowNotFoundException(flowId));
        flow.pullEvents();
        log(flowId, LogSource.USER, "started");
        if (firstTick != null) {
            scheduler.schedule(flowId, schedule, firstTick);
        }
        return flow;
    }

    @Override
    public Flow stop(FlowId flowId, boolean terminate) {
        Instant now = clock.instant();
        Flow flow = flows.update(flowId, f -> {
            f.stop(terminate, now);
            return f;
        }).orElseThrow(() -> new FlowNotFoundException(flowId));
        flow.pullEvents();
        scheduler.cancel(flowId);
        log(flowId, LogSource.USER, terminate ? "stopped with termination" : "stopped");
        if (terminate) {
            launcher.terminateRunningCycles(flowId, "flow stopped with termination");
        }
        return flow;
    }

    @Override
    public void delete(FlowId flowId) {
        if (flows.find(flowId).isEmpty()) {
            throw new FlowNotFoundException(flowId);
        }
        scheduler.cancel(flowId);
        flows.delete(flowId);
        reader.evict(flowId);
        launcher.terminateRunningCycles(flowId, "flow deleted");
        launcher.forget(flowId);
        journal.forget(flowId);
    }

    /**
     * Makes this instance's timers match the stored flows: arms a timer for every running flow
     * that has none and disarms flows that are no longer running. Called at start-up (running
     * flows resume without waiting for a request) and periodically, so an instance also ticks
     * flows that another instance started. Timers are aligned to the flow's stored
     * {@code next_execution}, so every instance fires the same scheduled instants and
     * {@link io.weatherstation.flow.application.port.out.TickClaims} lets one of them win each.
     *
     * @return the number of timers armed
     */
    public int reconcileSchedules() {
        Instant now = clock.instant();
        int armed = 0;
        for (Flow flow : flows.findAll()) {
            if (flow.status() != FlowStatus.RUNNING) {
                if (scheduler.isArmed(flow.id())) {
                    scheduler.cancel(flow.id());
                }
                continue;
            }
            if (scheduler.isArmed(flow.id())) {
                continue;
            }
            Optional<QueryFlowsUseCase.LoadedFlow> loaded = reader.load(flow.id());
            if (loaded.isEmpty()) {
                continue;
            }
            Schedule schedule = loaded.get().definition().schedule();
            if (!schedule.periodic()) {
                if (flow.lastCycle().isEmpty() && launcher.runningCycles(flow.id()) == 0) {
                    scheduler.schedule(flow.id(), schedule, flow.nextExecution().orElse(now));
                    armed++;
                }
                continue;
            }
            scheduler.schedule(flow.id(), schedule, alignedTick(schedule, flow.nextExecution().orElse(null), now));
            armed++;
        }
        return armed;
    }

    /** The stored next tick, moved forward by whole periods past any ticks missed while no instance ran it. */
    private Instant alignedTick(Schedule schedule, @Nullable Instant stored, Instant now) {
        if (stored == null) {
            return now;
        }
        if (schedule instanceof Schedule.FixedRate rate) {
            Instant tick = stored;
            while (tick.plus(rate.period()).isBefore(now)) {
                tick = tick.plus(rate.period());
            }
            return tick;
        }
        return stored.isBefore(now) ? scheduler.nextTickAfter(schedule, now.minusMillis(1)).orElse(now) : stored;
    }

    private void log(FlowId flowId, LogSource source, String message) {
        journal.log(new LogEntry(flowId, -1, null, LogLevel.INFO, source, message, Map.of(), clock.instant()));
    }
}
