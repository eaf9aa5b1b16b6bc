package io.weatherstation.execution.application;

import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.execution.application.port.in.InvalidResumeException;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase;
import io.weatherstation.execution.application.port.in.PauseTargetNotFoundException;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.execution.domain.IllegalPauseTransitionException;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase.LoadedFlow;
import io.weatherstation.flow.domain.FlowStructure;
import io.weatherstation.flow.domain.NodeDefinition;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pauses and resumes flows, components and nodes. The pauses live in the shared
 * {@link io.weatherstation.execution.application.port.out.PauseRegistry}; the engine consults it
 * before every task start and holds what a pause covers. Resuming releases the held tasks from
 * any instance.
 */
public final class PauseExecutionService implements PauseExecutionUseCase {

    private final QueryFlowsUseCase flows;
    private final ExecutionControls controls;
    private final ExecutionService engine;
    private final NodeTaskRepository tasks;
    private final NodeTypeCatalog catalog;
    private final ExecutionJournalUseCase journal;
    private final Clock clock;

    public PauseExecutionService(QueryFlowsUseCase flows, ExecutionControls controls, ExecutionService engine,
            NodeTaskRepository tasks, NodeTypeCatalog catalog, ExecutionJournalUseCase journal, Clock clock) {
        this.flows = flows;
        this.controls = controls;
        this.engine = engine;
        this.tasks = tasks;
        this.catalog = catalog;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public Pause pause(PauseCommand command) {
        FlowId flowId = command.flowId();
        LoadedFlow flow = flows.load(flowId).orElseThrow(() -> new FlowNotFoundException(flowId));
        Set<NodeId> nodes = switch (command.target()) {
            case PauseTarget.WholeFlow ignored -> Set.of();
            case PauseTarget.Component(ComponentId id) -> {
                FlowStructure structure = flow.flow().structure();
                if (id.value() >= structure.componentCount()) {
                    throw new PauseTargetNotFoundException(flowId, command.target());
                }
                yield Set.copyOf(structure.component(id).nodes());
            }
            case PauseTarget.Node(NodeId id) -> {
                if (flow.definition().node(id).isEmpty()) {
                    throw new PauseTargetNotFoundException(flowId, command.target());
                }
                yield Set.of(id);
            }
        };
        Pause pause = new Pause(command.target(), command.kind(), command.reason(), command.context(), nodes,
                clock.instant());
        if (!controls.pauses().add(flowId, pause)) {
            throw new IllegalPauseTransitionException(flowId, command.target(), "pause", "it is paused already");
        }
        log(flowId, "paused " + pause.target() + " (" + pause.kind().wireName() + ")"
                + (pause.reason() == null ? "" : ": " + pause.reason()));
        return pause;
    }

    @Override
    public ResumeResult resume(ResumeCommand command) {
        FlowId flowId = command.flowId();
        LoadedFlow flow = flows.load(flowId).orElseThrow(() -> new FlowNotFoundException(flowId));
        boolean known = switch (command.target()) {
            case PauseTarget.WholeFlow ignored -> true;
            case PauseTarget.Component(ComponentId id) -> id.value() < flow.flow().structure().componentCount();
            case PauseTarget.Node(NodeId id) -> flow.definition().node(id).isPresent();
        };
        boolean paused = controls.pauses().state(flowId).isPaused(command.target());
        if (!paused) {
            if (!known) {
                throw new PauseTargetNotFoundException(flowId, command.target());
            }
            throw new IllegalPauseTransitionException(flowId, command.target(), "resume", "it is not paused");
        }
        Map<String, Object> inputs = inputs(flow, command);
        Pause resumed = controls.pauses().remove(flowId, command.target()).orElseThrow(
                () -> new IllegalPauseTransitionException(flowId, command.target(), "resume", "it is not paused"));
        List<NodeTaskId> released = new ArrayList<>();
        List<NodeTaskId> skipped = new ArrayList<>();
        List<NodeTaskId> stillHeld = new ArrayList<>();
        List<TaskAssignment> parked = new ArrayList<>(controls.parked().parked(flowId));
        parked.sort(Comparator.comparing((TaskAssignment a) -> a.task().cycle()).thenComparing(a -> a.task().nodeId()));
        for (TaskAssignment assignment : parked) {
            NodeTaskId id = assignment.task();
            if (!resumed.holds(id.nodeId(), PartialRunId.isPartialRun(id.cycle()))) {
                continue;
            }
            if (controls.holding(id).isPresent()) {
                stillHeld.add(id);
            } else if (command.held() == HeldTasks.SKIP) {
                if (engine.skipHeld(id, "skipped on resume of " + resumed.target())) {
                    skipped.add(id);
                }
            } else if (engine.release(id, inputs)) {
                released.add(id);
            }
        }
        log(flowId, "resumed " + resumed.target() + ": " + released.size() + " held task(s) released"
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped")
                + (stillHeld.isEmpty() ? "" : ", " + stillHeld.size() + " still held by another pause"));
        return new ResumeResult(flowId, resumed, released, skipped, stillHeld);
    }

    /** Input data of a node resume, as signal payloads; checked before anything changes. */
    private Map<String, Object> inputs(LoadedFlow flow, ResumeCommand command) {
        if (command.inputData().isEmpty()) {
            return Map.of();
        }
        if (!(command.target() instanceof PauseTarget.Node(NodeId node))) {
            throw new InvalidResumeException(command.flowId(), command.target(),
                    "input data can only be given when resuming a node, not " + command.target());
        }
        NodeDefinition definition = flow.definition().node(node).orElseThrow();
        var type = catalog.find(definition.type());
        Map<String, Object> inputs = new LinkedHashMap<>();
        command.inputData().forEach((handle, value) -> {
            if (type.isPresent() && type.get().input(handle).isEmpty()) {
                throw new InvalidResumeException(command.flowId(), command.target(), "node " + node + " ("
                        + definition.type() + ") has no input handle '" + handle + "'");
            }
            inputs.put(handle, payloadOf(value));
        });
        return inputs;
    }

    @Override
    public FlowPauses pauses(FlowId flowId) {
        if (flows.find(flowId).isEmpty()) {
            throw new FlowNotFoundException(flowId);
        }
        List<NodeTask> held = controls.parked().parked(flowId).stream()
                .map(a -> tasks.find(a.task()))
                .flatMap(Optional::stream)
                .filter(t -> t.status() == NodeTaskStatus.PAUSED)
                .sorted(Comparator.comparing((NodeTask t) -> t.id().cycle()).thenComparing(t -> t.id().nodeId()))
                .toList();
        return new FlowPauses(flowId, controls.pauses().state(flowId), held);
    }

    /** A JSON object is a payload as it is; any other value is wrapped as {@code {"value": …}}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> payloadOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", value);
        return wrapped;
    }

    private void log(FlowId flowId, String message) {
        journal.log(new LogEntry(flowId, -1, null, LogLevel.INFO, LogSource.USER, message, Map.of(),
                clock.instant()));
    }
}
