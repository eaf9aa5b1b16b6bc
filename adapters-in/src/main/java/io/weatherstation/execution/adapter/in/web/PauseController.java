package io.weatherstation.execution.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.execution.adapter.in.web.ControlResponses.FlowPausesResponse;
import io.weatherstation.execution.adapter.in.web.ControlResponses.PauseChangeResponse;
import io.weatherstation.execution.adapter.in.web.ControlResponses.PauseResponse;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.FlowPauses;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.HeldTasks;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.PauseCommand;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.ResumeCommand;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.ResumeResult;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseKind;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pause and resume a flow, one of its components or one of its nodes. A paused flow starts no
 * cycles; a paused component or node holds its ready tasks (status {@code paused}) until resumed.
 */
@RestController
@RequestMapping("/api/v1/flows/{flowId}")
@Tag(name = "Operator controls", description = "Pause and resume; partial runs")
class PauseController {

    private static final Set<String> PAUSE_FIELDS = Set.of("pause_type", "reason", "context");
    private static final Set<String> RESUME_FIELDS = Set.of("held_tasks", "input_data");
    private static final String PAUSE_BODY = "Optional: {\"pause_type\": \"manual|error|breakpoint|awaiting_input\", "
            + "\"reason\": \"...\", \"context\": {...}}";
    private static final String RESUME_BODY = "Optional: {\"held_tasks\": \"run|skip\"} (node resumes also take "
            + "\"input_data\": {handle: value}, replacing the held task's inputs)";

    private final PauseExecutionUseCase pauses;
    private final WeatherSyntaxJson json;

    PauseController(PauseExecutionUseCase pauses, WeatherSyntaxJson json) {
        this.pauses = pauses;
        this.json = json;
    }

    @PostMapping("/pause")
    @Operation(summary = "Pause the flow: no new cycles (ticks are skipped and journaled), ready tasks of its "
            + "cycles wait", description = PAUSE_BODY + ". 409 illegal_pause_transition when it is paused already.")
    PauseChangeResponse pauseFlow(@PathVariable FlowId flowId, @RequestBody(required = false) byte @Nullable [] body) {
        return pause(flowId, PauseTarget.flow(), body);
    }

    @PostMapping("/resume")
    @Operation(summary = "Resume the flow and release the tasks it held", description = RESUME_BODY
            + ". 409 illegal_pause_transition when it is not paused.")
    PauseChangeResponse resumeFlow(@PathVariable FlowId flowId, @RequestBody(required = false) byte @Nullable [] body) {
        return resume(flowId, PauseTarget.flow(), body);
    }

    @PostMapping("/components/{componentId}/pause")
    @Operation(summary = "Pause one component: its ready tasks wait", description = PAUSE_BODY
            + ". 404 pause_target_not_found for a component the flow does not have.")
    PauseChangeResponse pauseComponent(@PathVariable FlowId flowId, @PathVariable String componentId,
            @RequestBody(required = false) byte @Nullable [] body) {
        return pause(flowId, PauseTarget.component(ControlRequests.componentId(componentId)), body);
    }

    @PostMapping("/components/{componentId}/resume")
    @Operation(summary = "Resume one component and release the tasks it held", description = RESUME_BODY)
    PauseChangeResponse resumeComponent(@PathVariable FlowId flowId, @PathVariable String componentId,
            @RequestBody(required = false) byte @Nullable [] body) {
        return resume(flowId, PauseTarget.component(ControlRequests.componentId(componentId)), body);
    }

    @PostMapping("/nodes/{nodeId}/pause")
    @Operation(summary = "Pause one node: its ready tasks wait (a breakpoint)", description = PAUSE_BODY
            + ". 404 pause_target_not_found for a node the flow does not have.")
    PauseChangeResponse pauseNode(@PathVariable FlowId flowId, @PathVariable String nodeId,
            @RequestBody(required = false) byte @Nullable [] body) {
        return pause(flowId, PauseTarget.node(ControlRequests.nodeId("node id", nodeId)), body);
    }

    @PostMapping("/nodes/{nodeId}/resume")
    @Operation(summary = "Resume one node and release the tasks it held", description = RESUME_BODY)
    PauseChangeResponse resumeNode(@PathVariable FlowId flowId, @PathVariable String nodeId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(type = "object")))
            @RequestBody(required = false) byte @Nullable [] body) {
        return resume(flowId, PauseTarget.node(ControlRequests.nodeId("node id", nodeId)), body);
    }

    @GetMapping("/pauses")
    @Operation(summary = "Every pause in force on the flow and the tasks they hold")
    FlowPausesResponse list(@PathVariable FlowId flowId) {
        FlowPauses state = pauses.pauses(flowId);
        return new FlowPausesResponse(flowId.value(), state.state().isFlowPaused(),
                state.state().pauses().stream().map(PauseController::pause).toList(),
                ExecutionMapper.tasks(state.heldTasks()));
    }

    private PauseChangeResponse pause(FlowId flowId, PauseTarget target, byte @Nullable [] body) {
        Map<String, @Nullable Object> request = ControlRequests.object(json, body, PAUSE_FIELDS);
        String kind = ControlRequests.text(request, "pause_type");
        PauseKind pauseKind = kind == null ? PauseKind.MANUAL
                : ControlRequests.oneOf("pause_type", kind, PauseKind::fromWireName);
        Pause pause = pauses.pause(new PauseCommand(flowId, target, pauseKind, ControlRequests.text(request, "reason"),
                ControlRequests.objectField(request, "context")));
        return new PauseChangeResponse(flowId.value(), "paused", pause(pause), List.of(), List.of(), List.of());
    }

    private PauseChangeResponse resume(FlowId flowId, PauseTarget target, byte @Nullable [] body) {
        Map<String, @Nullable Object> request = ControlRequests.object(json, body, RESUME_FIELDS);
        String held = ControlRequests.text(request, "held_tasks");
        HeldTasks heldTasks = held == null ? HeldTasks.RUN
                : ControlRequests.oneOf("held_tasks", held, text -> HeldTasks.valueOf(text.strip().toUpperCase(
                        java.util.Locale.ROOT)));
        ResumeResult result = pauses.resume(new ResumeCommand(flowId, target, heldTasks,
                ControlRequests.objectField(request, "input_data")));
        return new PauseChangeResponse(flowId.value(), "resumed", pause(result.resumed()), ids(result.released()),
                ids(result.skipped()), ids(result.stillHeld()));
    }

    static PauseResponse pause(Pause pause) {
        return new PauseResponse(pause.target().kind(), pause.target().key(),
                pause.target() instanceof PauseTarget.Component(var id) ? id.value() : null,
                pause.target() instanceof PauseTarget.Node(var id) ? id.value() : null,
                pause.kind().wireName(), pause.reason(), pause.context(),
                pause.nodes().stream().map(NodeId::value).toList(), pause.pausedAt());
    }

    private static List<String> ids(List<NodeTaskId> ids) {
        return ids.stream().map(NodeTaskId::display).toList();
    }
}
