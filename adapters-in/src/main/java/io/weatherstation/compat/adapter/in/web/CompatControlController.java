package io.weatherstation.compat.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.execution.application.port.in.InvalidPartialRunException;
import io.weatherstation.execution.application.port.in.PartialRunUseCase;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.Input;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.StartPartialRunCommand;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.HeldTasks;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.PauseCommand;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.ResumeCommand;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.ResumeResult;
import io.weatherstation.execution.application.port.in.QueryPartialRunsUseCase.PartialRunDetails;
import io.weatherstation.execution.domain.IllegalPauseTransitionException;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseKind;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.InvalidFlowDefinitionException;
import io.weatherstation.flow.domain.PartialRunMode;
import io.weatherstation.flow.domain.ProblemCodes;
import io.weatherstation.flow.domain.ValidationProblem;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.Identifier;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original engine's flow controls: pause and resume a whole flow, and a partial run around a
 * trigger node. Unlike the original, a pause holds ready tasks and resuming runs them, and a
 * partial run never touches the stored flow, its schedule or {@code last_cycle}.
 */
@RestController
@Tag(name = "Compatibility: controls", description = "The original Station API's pause, resume and partial-run routes")
class CompatControlController {

    private final PauseExecutionUseCase pauses;
    private final PartialRunUseCase partialRuns;
    private final QueryFlowsUseCase flows;
    private final WeatherSyntaxJson json;

    CompatControlController(PauseExecutionUseCase pauses, PartialRunUseCase partialRuns,
            QueryFlowsUseCase flows, WeatherSyntaxJson json) {
        this.pauses = pauses;
        this.partialRuns = partialRuns;
        this.flows = flows;
        this.json = json;
    }

    @PostMapping("/flows/{flowId}/pause")
    @Operation(summary = "Pause a flow: no new cycles, ready tasks wait (original API)",
            description = "Body (optional): {pause_type: manual|error|breakpoint|awaiting_input, resume_context: {...}}. "
                    + "Pausing a paused flow answers with the pause in force.")
    Map<String, Object> pause(@PathVariable FlowId flowId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "{pause_type?, resume_context?}")))
            @RequestBody(required = false) byte @Nullable [] body) {
        Map<?, ?> fields = optionalObject(body);
        List<ValidationProblem> problems = new ArrayList<>();
        PauseKind kind = PauseKind.MANUAL;
        Object type = fields.get("pause_type");
        if (type != null) {
            try {
                kind = PauseKind.fromWireName(String.valueOf(type).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new ValidationProblem("/pause_type", ProblemCodes.INVALID_PARAMETER,
                        "'pause_type' must be manual, error, breakpoint or awaiting_input, was '" + type + "'"));
            }
        }
        Object context = fields.get("resume_context");
        if (context != null && !(context instanceof Map<?, ?>)) {
            problems.add(new ValidationProblem("/resume_context", ProblemCodes.INVALID_TYPE,
                    "'resume_context' must be an object"));
        }
        if (!problems.isEmpty()) {
            throw invalidRequest(problems);
        }
        PauseExecutionUseCase useCase = pauses;
        Pause pause;
        try {
            pause = useCase.pause(new PauseCommand(flowId, new PauseTarget.WholeFlow(), kind, null, tree(context)));
        } catch (IllegalPauseTransitionException alreadyPaused) {
            pause = useCase.pauses(flowId).state().pause(new PauseTarget.WholeFlow())
                    .orElseThrow(() -> alreadyPaused);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "paused");
        response.put("flow_id", flowId.value());
        response.put("pause_data", pauseData(flowId, pause));
        return response;
    }

    @PostMapping("/flows/{flowId}/resume")
    @Operation(summary = "Resume a paused flow: held tasks run, or are skipped with skip_paused (original API)",
            description = "Body (optional): {skip_paused: false}. 404 when the flow is not paused, as the original.")
    Map<String, Object> resume(@PathVariable FlowId flowId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "{skip_paused?}")))
            @RequestBody(required = false) byte @Nullable [] body) {
        Map<?, ?> fields = optionalObject(body);
        List<ValidationProblem> problems = new ArrayList<>();
        Object skip = fields.get("skip_paused");
        if (skip != null && !(skip instanceof Boolean)) {
            problems.add(new ValidationProblem("/skip_paused", ProblemCodes.INVALID_TYPE, "'skip_paused' must be true or false"));
        }
        Object inputData = fields.get("input_data");
        if (inputData instanceof Map<?, ?> data && !data.isEmpty() || inputData != null && !(inputData instanceof Map<?, ?>)) {
            problems.add(new ValidationProblem("/input_data", ProblemCodes.INVALID_PARAMETER,
                    "'input_data' is for a paused node; a flow is resumed without it"));
        }
        if (!problems.isEmpty()) {
            throw invalidRequest(problems);
        }
        PauseExecutionUseCase useCase = pauses;
        ResumeResult result;
        try {
            result = useCase.resume(new ResumeCommand(flowId, new PauseTarget.WholeFlow(),
                    Boolean.TRUE.equals(skip) ? HeldTasks.SKIP : HeldTasks.RUN, Map.of()));
        } catch (IllegalPauseTransitionException notPaused) {
            throw ApiProblems.exception(ApiProblems.problem(HttpStatus.NOT_FOUND, "not_paused", "Not paused",
                    "Flow " + flowId.value() + " is not paused", Map.of("flow_id", flowId.value())));
        }
        Map<String, Object> context = new LinkedHashMap<>(pauseData(flowId, result.resumed()));
        context.put("released_tasks", ids(result.released()));
        context.put("skipped_tasks", ids(result.skipped()));
        context.put("still_held_tasks", ids(result.stillHeld()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "resumed");
        response.put("flow_id", flowId.value());
        response.put("resume_context", context);
        return response;
    }

    @PostMapping(path = "/flows/{flowId}/partial-run", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run part of a flow around a trigger node (original API)",
            description = "Body: {trigger_node_id, mode: single|upstream|downstream|component (default single), "
                    + "signal_config: {custom_signals: {node_id: {handle: value}}}, nodes?, edges?}. The stored flow, "
                    + "its schedule and last_cycle are left alone; nodes/edges run an unsaved graph instead of the "
                    + "stored one. Each partial run has its own number, so two never conflict.")
    Map<String, @Nullable Object> partialRun(@PathVariable FlowId flowId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "{trigger_node_id, mode, signal_config?, options?, nodes?, edges?}")))
            @RequestBody(required = false) byte @Nullable [] body) {
        Object request = json.readTree(body == null ? new byte[0] : body);
        if (!(request instanceof Map<?, ?> fields)) {
            throw invalidRequest(List.of(new ValidationProblem("", ProblemCodes.INVALID_TYPE,
                    "the body must be a JSON object {trigger_node_id, mode, ...}")));
        }
        List<ValidationProblem> problems = new ArrayList<>();
        NodeId trigger = null;
        Object triggerValue = fields.get("trigger_node_id");
        if (triggerValue == null) {
            problems.add(new ValidationProblem("/trigger_node_id", ProblemCodes.REQUIRED, "'trigger_node_id' is required"));
        } else if (!(triggerValue instanceof String text) || !Identifier.isValid(text)) {
            problems.add(new ValidationProblem("/trigger_node_id", ProblemCodes.INVALID_ID,
                    "'trigger_node_id' must be a node id (1-128 of A-Z a-z 0-9 _ -)"));
        } else {
            trigger = NodeId.of(text);
        }
        PartialRunMode mode = PartialRunMode.SINGLE;
        Object modeValue = fields.get("mode");
        if (modeValue != null) {
            try {
                mode = PartialRunMode.fromWireName(String.valueOf(modeValue).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new ValidationProblem("/mode", ProblemCodes.INVALID_PARAMETER,
                        "'mode' must be one of single, upstream, downstream, component, was '" + modeValue + "'"));
            }
        }
        List<Input> inputs = inputs(fields.get("signal_config"), problems);
        FlowDefinition definition = definition(fields, problems);
        if (!problems.isEmpty() || trigger == null) {
            throw invalidRequest(problems);
        }
        PartialRunUseCase useCase = partialRuns;
        if (flows.find(flowId).isEmpty()) {
            throw new FlowNotFoundException(flowId);
        }
        PartialRunDetails run;
        try {
            run = useCase.start(new StartPartialRunCommand(flowId, trigger, mode, inputs, definition));
        } catch (InvalidPartialRunException invalid) {
            throw invalidRequest(invalid.problems().stream().map(p -> new ValidationProblem(pointer(p), p.code(),
                    p.message())).toList());
        }
        Map<String, @Nullable Object> response = new LinkedHashMap<>();
        response.put("execution_id", run.id().toString());
        response.put("flow_id", flowId.value());
        response.put("trigger_node_id", trigger.value());
        response.put("mode", mode.wireName());
        response.put("nodes_to_execute", run.run().nodes().stream().map(NodeId::value).toList());
        response.put("status", "started");
        response.put("cycle", run.cycleNumber().value());
        response.put("started_at", run.run().startedAt());
        return response;
    }

    private Map<String, Object> pauseData(FlowId flowId, Pause pause) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("flow_id", flowId.value());
        data.put("target", pause.target().kind());
        data.put("pause_type", pause.kind().wireName());
        data.put("paused_by", "user");
        data.put("paused_at", pause.pausedAt().toString());
        data.put("resume_context", pause.context());
        return data;
    }

    private static List<String> ids(List<NodeTaskId> tasks) {
        return tasks.stream().map(NodeTaskId::display).toList();
    }

    private static String pointer(InvalidPartialRunException.Problem problem) {
        return switch (problem.code()) {
            case "trigger_node_unknown" -> "/trigger_node_id";
            default -> problem.handle() == null ? "/signal_config/custom_signals/" + problem.node()
                    : "/signal_config/custom_signals/" + problem.node() + "/" + problem.handle();
        };
    }

    /** {@code signal_config.custom_signals}: {node_id: {handle: value}}, the values for boundary handles. */
    private static List<Input> inputs(@Nullable Object signalConfig, List<ValidationProblem> problems) {
        if (signalConfig == null) {
            return List.of();
        }
        if (!(signalConfig instanceof Map<?, ?> config)) {
            problems.add(new ValidationProblem("/signal_config", ProblemCodes.INVALID_TYPE, "'signal_config' must be an object"));
            return List.of();
        }
        Object custom = config.get("custom_signals");
        if (custom == null) {
            return List.of();
        }
        if (!(custom instanceof Map<?, ?> byNode)) {
            problems.add(new ValidationProblem("/signal_config/custom_signals", ProblemCodes.INVALID_TYPE,
                    "'custom_signals' must be an object {node_id: {handle: value}}"));
            return List.of();
        }
        List<Input> inputs = new ArrayList<>();
        byNode.forEach((node, handles) -> {
            String at = "/signal_config/custom_signals/" + node;
            if (!Identifier.isValid(String.valueOf(node)) || !(handles instanceof Map<?, ?> values)) {
                problems.add(new ValidationProblem(at, ProblemCodes.INVALID_TYPE,
                        "each entry must be a node id with an object {handle: value}"));
                return;
            }
            values.forEach((handle, value) -> {
                if (!Identifier.isValid(String.valueOf(handle))) {
                    problems.add(new ValidationProblem(at + "/" + handle, ProblemCodes.INVALID_ID,
                            "'" + handle + "' is not a handle name"));
                } else {
                    inputs.add(new Input(NodeId.of(String.valueOf(node)), HandleName.of(String.valueOf(handle)), value));
                }
            });
        });
        return inputs;
    }

    /** An unsaved graph ({@code nodes}, {@code edges}) to run instead of the stored definition, if given. */
    private @Nullable FlowDefinition definition(Map<?, ?> fields, List<ValidationProblem> problems) {
        if (!fields.containsKey("nodes") && !fields.containsKey("edges")) {
            return null;
        }
        Map<String, @Nullable Object> document = new LinkedHashMap<>();
        document.put("interval", 0);
        document.put("nodes", fields.get("nodes"));
        document.put("edges", fields.containsKey("edges") ? fields.get("edges") : List.of());
        try {
            return json.validate(document);
        } catch (InvalidFlowDefinitionException invalid) {
            problems.addAll(invalid.problems());
            return null;
        }
    }

    private Map<?, ?> optionalObject(byte @Nullable [] body) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Map.of();
        }
        Object request = json.readTree(body);
        if (request == null) {
            return Map.of();
        }
        if (!(request instanceof Map<?, ?> fields)) {
            throw invalidRequest(List.of(new ValidationProblem("", ProblemCodes.INVALID_TYPE, "the body must be a JSON object")));
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> tree(@Nullable Object context) {
        return context instanceof Map<?, ?> map ? (Map<String, @Nullable Object>) map : Map.of();
    }

    /** Every problem of a control request: 400 {@code invalid_request} with the full list. */
    private static ErrorResponseException invalidRequest(List<ValidationProblem> problems) {
        return ApiProblems.exception(ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid_request", "Invalid request",
                problems.size() == 1 ? "the request has a problem: " + problems.getFirst().message()
                        : "the request has " + problems.size() + " problems",
                Map.of("problems", problems.stream().map(p -> {
                    Map<String, String> item = new LinkedHashMap<>();
                    item.put("pointer", p.pointer());
                    item.put("code", p.code());
                    item.put("message", p.message());
                    return item;
                }).toList())));
    }
}
