package io.weatherstation.execution.application;

import io.weatherstation.catalog.domain.InputHandleSpec;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.execution.application.port.in.InvalidPartialRunException;
import io.weatherstation.execution.application.port.in.InvalidPartialRunException.Problem;
import io.weatherstation.execution.application.port.in.PartialRunNotFoundException;
import io.weatherstation.execution.application.port.in.PartialRunUseCase;
import io.weatherstation.execution.application.port.in.QueryPartialRunsUseCase;
import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.PartialRun;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase.LoadedFlow;
import io.weatherstation.flow.domain.EdgeDefinition;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.PartialRunMode;
import io.weatherstation.flow.domain.PartialRunSelection;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Partial runs: selects the part of the flow around the trigger node, checks the values given for
 * its boundary handles, and has the engine run that part as a cycle of the partial-run namespace
 * (ADR 0012). The flow itself — definition, status, {@code last_cycle}, schedule — is never
 * touched.
 */
public final class PartialRunService implements PartialRunUseCase, QueryPartialRunsUseCase {

    private final QueryFlowsUseCase flows;
    private final ExecutionControls controls;
    private final ExecutionService engine;
    private final NodeTypeCatalog catalog;
    private final CycleRepository cycles;
    private final NodeTaskRepository tasks;
    private final Clock clock;

    public PartialRunService(QueryFlowsUseCase flows, ExecutionControls controls, ExecutionService engine,
            NodeTypeCatalog catalog, CycleRepository cycles, NodeTaskRepository tasks, Clock clock) {
        this.flows = flows;
        this.controls = controls;
        this.engine = engine;
        this.catalog = catalog;
        this.cycles = cycles;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public PartialRunPreview preview(PreviewPartialRunCommand command) {
        LoadedFlow flow = load(command.flowId());
        FlowDefinition definition = command.definition() != null ? command.definition() : flow.definition();
        PartialRunSelection selection = select(command.flowId(), definition, command.trigger(), command.mode());
        return new PartialRunPreview(command.flowId(), command.trigger(), command.mode(), selection.nodes(),
                boundaryHandles(definition, selection));
    }

    @Override
    public PartialRunDetails start(StartPartialRunCommand command) {
        FlowId flowId = command.flowId();
        LoadedFlow flow = load(flowId);
        FlowDefinition definition = command.definition() != null ? command.definition() : flow.definition();
        PartialRunSelection selection = select(flowId, definition, command.trigger(), command.mode());
        List<BoundaryHandle> boundary = boundaryHandles(definition, selection);
        List<PartialRun.Input> inputs = checkInputs(flowId, selection, boundary, command.inputs());
        PartialRunId id = controls.partialRuns().claimNext(flowId);
        PartialRun run = new PartialRun(flowId, id, command.trigger(), command.mode(), selection.nodes(), inputs,
                clock.instant());
        controls.partialRuns().save(run);
        engine.startPartialRun(run, selection.toDefinition(definition), flow.flow().definitionVersion());
        return partialRun(flowId, id).orElseThrow(() -> new IllegalStateException(
                "partial run " + id + " of flow " + flowId + " vanished right after it started"));
    }

    @Override
    public PartialRunDetails cancel(FlowId flowId, PartialRunId runId, String reason) {
        load(flowId);
        if (controls.partialRuns().find(flowId, runId).isEmpty()) {
            throw new PartialRunNotFoundException(flowId, runId);
        }
        engine.terminateCycle(flowId, runId.cycle(), reason);
        return partialRun(flowId, runId).orElseThrow(() -> new PartialRunNotFoundException(flowId, runId));
    }

    @Override
    public Optional<PartialRunDetails> partialRun(FlowId flowId, PartialRunId runId) {
        if (flows.find(flowId).isEmpty()) {
            throw new FlowNotFoundException(flowId);
        }
        return controls.partialRuns().find(flowId, runId).flatMap(this::details);
    }

    @Override
    public List<PartialRunDetails> partialRuns(FlowId flowId, int limit) {
        if (flows.find(flowId).isEmpty()) {
            throw new FlowNotFoundException(flowId);
        }
        return controls.partialRuns().findByFlow(flowId, limit).stream().map(this::details)
                .flatMap(Optional::stream).toList();
    }

    private Optional<PartialRunDetails> details(PartialRun run) {
        return cycles.find(run.flowId(), run.id().cycle()).map(cycle -> {
            List<NodeTask> ofRun = new ArrayList<>(tasks.findByCycle(run.flowId(), run.id().cycle()));
            ofRun.sort(Comparator.comparingInt(t -> {
                int index = run.nodes().indexOf(t.id().nodeId());
                return index < 0 ? Integer.MAX_VALUE : index;
            }));
            return new PartialRunDetails(run, cycle, ofRun);
        });
    }

    private LoadedFlow load(FlowId flowId) {
        return flows.load(flowId).orElseThrow(() -> new FlowNotFoundException(flowId));
    }

    private static PartialRunSelection select(FlowId flowId, FlowDefinition definition, NodeId trigger,
            PartialRunMode mode) {
        if (definition.node(trigger).isEmpty()) {
            throw new InvalidPartialRunException(flowId, List.of(new Problem("trigger_node_unknown", trigger.value(),
                    null, "node " + trigger + " is not part of flow " + flowId)));
        }
        return PartialRunSelection.select(definition, trigger, mode);
    }

    /**
     * Input handles of selected nodes fed by left-out nodes, in dispatch order; required when the
     * node type requires the handle and no selected node feeds it (an aggregate handle also fed
     * from inside the run still gets values).
     */
    private List<BoundaryHandle> boundaryHandles(FlowDefinition definition, PartialRunSelection selection) {
        Map<NodeId, Map<HandleName, Set<NodeId>>> outside = new LinkedHashMap<>();
        for (EdgeDefinition edge : selection.boundaryEdges()) {
            outside.computeIfAbsent(edge.target(), n -> new LinkedHashMap<>())
                    .computeIfAbsent(edge.targetHandle(), h -> new LinkedHashSet<>()).add(edge.source());
        }
        Set<String> fedInside = new HashSet<>();
        selection.internalEdges().forEach(e -> fedInside.add(e.target().value() + "\u0000" + e.targetHandle().value()));
        List<BoundaryHandle> handles = new ArrayList<>();
        for (NodeId node : selection.nodes()) {
            Map<HandleName, Set<NodeId>> byHandle = outside.get(node);
            if (byHandle == null) {
                continue;
            }
            String type = definition.node(node).orElseThrow().type();
            byHandle.forEach((handle, sources) -> {
                boolean typeRequires = catalog.find(type).flatMap(t -> t.input(handle.value()))
                        .map(InputHandleSpec::required).orElse(true);
                boolean required = typeRequires && !fedInside.contains(node.value() + "\u0000" + handle.value());
                List<NodeId> upstream = definition.nodeIds().stream().filter(sources::contains).toList();
                handles.add(new BoundaryHandle(node, handle, required, upstream));
            });
        }
        return handles;
    }

    private static List<PartialRun.Input> checkInputs(FlowId flowId, PartialRunSelection selection,
            List<BoundaryHandle> boundary, List<Input> given) {
        List<Problem> problems = new ArrayList<>();
        Map<String, PartialRun.Input> inputs = new LinkedHashMap<>();
        for (Input input : given) {
            String key = input.node().value() + "\u0000" + input.handle().value();
            boolean isBoundary = boundary.stream()
                    .anyMatch(b -> b.node().equals(input.node()) && b.handle().equals(input.handle()));
            if (!isBoundary) {
                problems.add(new Problem("input_not_a_boundary_handle", input.node().value(), input.handle().value(),
                        selection.contains(input.node())
                                ? "input " + input.handle() + " of node " + input.node()
                                        + " is not fed by a node left out of the run"
                                : "node " + input.node() + " is not part of the run"));
            } else if (inputs.containsKey(key)) {
                problems.add(new Problem("input_duplicate", input.node().value(), input.handle().value(),
                        "input " + input.handle() + " of node " + input.node() + " is given more than once"));
            } else {
                inputs.put(key, new PartialRun.Input(input.node(), input.handle(), payloadOf(input.value())));
            }
        }
        for (BoundaryHandle handle : boundary) {
            String key = handle.node().value() + "\u0000" + handle.handle().value();
            if (handle.required() && !inputs.containsKey(key)) {
                problems.add(new Problem("input_missing", handle.node().value(), handle.handle().value(),
                        "input " + handle.handle() + " of node " + handle.node() + " is required and fed by "
                                + handle.upstreamNodes() + ", which the run leaves out: supply a value for it"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPartialRunException(flowId, problems);
        }
        return List.copyOf(inputs.values());
    }

    private static Map<String, @Nullable Object> payloadOf(@Nullable Object value) {
        return PauseExecutionService.payloadOf(value);
    }
}
