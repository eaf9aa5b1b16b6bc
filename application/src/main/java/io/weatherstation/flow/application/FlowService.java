package io.weatherstation.flow.application;

import io.weatherstation.flow.application.port.in.ControlFlowUseCase;
import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.application.port.in.FlowQueries;
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
import io.weatherstation.journal.application.port.in.ExecutionJournal;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.shared.domain.FlowId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registration, lifecycle and reads of flows. */
public final class FlowService implements RegisterFlowUseCase, ControlFlowUseCase {

    private final FlowRepository flows;
    private final FlowReader reader;
    private final FlowScheduler scheduler;
    private final CycleLauncher launcher;
    private final ExecutionJournal journal;
    private final Clock clock;

    public FlowService(FlowRepository flows, FlowReader reader, FlowScheduler scheduler, CycleLauncher launcher,
            ExecutionJournal journal, Clock clock) {
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
        FlowQueries.LoadedFlow loaded = reader.load(flowId).orElseThrow(() -> new FlowNotFoundException(flowId));
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

    /** Re-arms the timers of every running flow (station start-up): nothing waits for an API call. */
    public int resumeRunningFlows() {
        Instant now = clock.instant();
        int resumed = 0;
        for (Flow flow : flows.findAll()) {
            if (flow.status() != FlowStatus.RUNNING) {
                continue;
            }
            Optional<FlowQueries.LoadedFlow> loaded = reader.load(flow.id());
            if (loaded.isEmpty()) {
                continue;
            }
            Schedule schedule = loaded.get().definition().schedule();
            if (!schedule.periodic()) {
                if (flow.lastCycle().isEmpty() && launcher.runningCycles(flow.id()) == 0) {
                    scheduler.schedule(flow.id(), schedule, now);
                    resumed++;
                }
                continue;
            }
            Instant first = flow.nextExecution().filter(next -> next.isAfter(now)).orElse(now);
            scheduler.schedule(flow.id(), schedule, first);
            log(flow.id(), LogSource.SYSTEM, "schedule resumed after station start");
            resumed++;
        }
        return resumed;
    }

    private void log(FlowId flowId, LogSource source, String message) {
        journal.log(new LogEntry(flowId, -1, null, LogLevel.INFO, source, message, Map.of(), clock.instant()));
    }
}
