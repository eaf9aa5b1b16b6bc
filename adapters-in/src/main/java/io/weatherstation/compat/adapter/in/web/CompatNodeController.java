package io.weatherstation.compat.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.catalog.domain.InputHandleSpec;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.catalog.domain.OutputHandleSpec;
import io.weatherstation.catalog.domain.ParameterSpec;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.ExecuteNodeCommand;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.NodeExecution;
import io.weatherstation.execution.application.port.in.InvalidNodeConfigException;
import io.weatherstation.execution.application.port.in.StartNodeRunUseCase;
import io.weatherstation.execution.application.port.in.StartNodeRunUseCase.NodeRun;
import io.weatherstation.execution.application.port.in.StartNodeRunUseCase.StartNodeRunCommand;
import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.flow.domain.ProblemCodes;
import io.weatherstation.flow.domain.SecretParameters;
import io.weatherstation.flow.domain.ValidationProblem;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.adapter.in.web.RequestParameters;
import io.weatherstation.shared.domain.Identifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original engine's node routes: the type catalogue, and {@code POST /nodes/execute}, which
 * runs one node in the background under the task id {@code {flow_id}_{cycle}_{node_id}} (409
 * while a run with that id is in progress, unless {@code force}), with its status at
 * {@code GET /nodes/{node_task_id}/status}.
 */
@RestController
@Tag(name = "Compatibility: nodes", description = "The original Station API's node routes (root paths)")
class CompatNodeController {

    private static final List<String> REQUIRED = List.of("flow_id", "component_id", "cycle", "node_id", "node_type",
            "config");

    private final NodeTypeCatalog catalog;
    private final StartNodeRunUseCase runs;
    private final WeatherSyntaxJson json;

    CompatNodeController(NodeTypeCatalog catalog, StartNodeRunUseCase runs, WeatherSyntaxJson json) {
        this.catalog = catalog;
        this.runs = runs;
        this.json = json;
    }

    @GetMapping("/nodes/types")
    @Operation(summary = "The node type catalogue (original API)")
    Map<String, Object> types() {
        Map<String, Object> data = new LinkedHashMap<>();
        catalog.all().stream().sorted(Comparator.comparing(NodeTypeDescriptor::type))
                .forEach(type -> data.put(type.type(), type(type)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", "success");
        view.put("data", data);
        view.put("count", data.size());
        return view;
    }

    @PostMapping(path = "/nodes/execute", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run one node in the background (original API)",
            description = "Body: {flow_id, component_id, cycle, node_id, node_type, config, inputs?, "
                    + "timeout_seconds?, force?} (input_edges, output_edges, user_id and version are accepted and "
                    + "ignored). The node runs in isolation with its config and the given inputs; nothing is stored "
                    + "in a flow and no signal is sent. 409 while a run with the same task id is in progress, "
                    + "unless force is true.")
    Map<String, Object> execute(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "{flow_id, component_id, cycle, node_id, node_type, config, inputs?, force?}")))
            @RequestBody(required = false) byte @Nullable [] body) {
        Object request = json.readTree(body == null ? new byte[0] : body);
        String nodeType = request instanceof Map<?, ?> m && m.get("node_type") instanceof String t ? t : "";
        if (!(request instanceof Map<?, ?> fields)) {
            throw new InvalidNodeConfigException(nodeType, List.of(new ValidationProblem("", ProblemCodes.INVALID_TYPE,
                    "the body must be a JSON object {flow_id, component_id, cycle, node_id, node_type, config}")));
        }
        List<ValidationProblem> problems = new ArrayList<>();
        for (String field : REQUIRED) {
            if (fields.get(field) == null) {
                problems.add(new ValidationProblem("/" + field, ProblemCodes.REQUIRED, "'" + field + "' is required"));
            }
        }
        identifier(fields, "flow_id", problems);
        identifier(fields, "node_id", problems);
        identifier(fields, "node_type", problems);
        Object cycle = fields.get("cycle");
        if (cycle != null && !(cycle instanceof Number n && isWhole(n) && n.longValue() >= -1)) {
            problems.add(new ValidationProblem("/cycle", ProblemCodes.INVALID_TYPE,
                    "'cycle' must be a whole number, -1 or more"));
        }
        if (fields.get("node_type") instanceof String type && Identifier.isValid(type) && catalog.find(type).isEmpty()) {
            problems.add(new ValidationProblem("/node_type", ProblemCodes.UNKNOWN_NODE_TYPE,
                    "unsupported node type '" + type + "'"));
        }
        Object force = fields.get("force");
        if (force != null && !(force instanceof Boolean)) {
            problems.add(new ValidationProblem("/force", ProblemCodes.INVALID_TYPE, "'force' must be true or false"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidNodeConfigException(nodeType, problems);
        }
        String nodeId = (String) fields.get("node_id");
        String taskId = fields.get("flow_id") + "_" + ((Number) cycle).longValue() + "_" + nodeId;
        runs.start(new StartNodeRunCommand(taskId, new ExecuteNodeCommand(nodeType, fields.get("config"),
                fields.get("inputs"), fields.get("timeout_seconds")), Boolean.TRUE.equals(force)));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("node_id", nodeId);
        response.put("node_task_id", taskId);
        response.put("status", "started");
        response.put("message", "Node execution started");
        return response;
    }

    @GetMapping("/nodes/{nodeTaskId}/status")
    @Operation(summary = "A node started with POST /nodes/execute: its status and, once ended, its outputs (original API)")
    Map<String, @Nullable Object> status(@PathVariable String nodeTaskId) {
        if (nodeTaskId.length() > 3 * Identifier.MAX_LENGTH || !nodeTaskId.matches("[A-Za-z0-9_-]+")) {
            throw ApiProblems.invalidId("node task id must be {flow_id}_{cycle}_{node_id}: letters, digits, '_' and "
                    + "'-' only (was '" + nodeTaskId + "')");
        }
        NodeRun run = runs.find(nodeTaskId).orElseThrow(() -> ApiProblems.exception(ApiProblems.problem(
                HttpStatus.NOT_FOUND, "node_task_not_found", "Node task not found",
                "no node run " + nodeTaskId + " is known to this station")));
        NodeExecution result = run.result();
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("node_id", run.runId());
        view.put("node_task_id", run.runId());
        view.put("node_type", run.nodeType());
        view.put("status", run.status().wireName());
        view.put("start_time", run.startedAt());
        view.put("duration_ms", result == null ? null : result.duration().toMillis());
        view.put("outputs", result == null ? null : result.outputs());
        view.put("error_message", result == null ? null : result.error());
        view.put("stop_reason", result == null ? null : result.stopReason());
        view.put("logs", result == null ? List.of() : result.logs().stream().map(line -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("timestamp", line.timestamp());
            item.put("level", line.level());
            item.put("message", line.message());
            return item;
        }).toList());
        return view;
    }

    private Map<String, @Nullable Object> type(NodeTypeDescriptor type) {
        Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
        for (ParameterSpec parameter : type.parameters()) {
            defaults.put(parameter.name(), parameter.secret() && parameter.defaultValue() != null
                    ? SecretParameters.MASK : parameter.defaultValue());
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (InputHandleSpec input : type.inputs()) {
            Map<String, @Nullable Object> handle = new LinkedHashMap<>();
            handle.put("name", input.name());
            handle.put("data_type", input.signalType());
            handle.put("description", input.description());
            handle.put("example", null);
            handle.put("auto_update_attr", null);
            handle.put("is_aggregate", input.aggregate());
            handle.put("required", input.required());
            inputs.put(input.name(), handle);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (OutputHandleSpec output : type.outputs()) {
            Map<String, @Nullable Object> handle = new LinkedHashMap<>();
            handle.put("name", output.name());
            handle.put("data_type", output.signalType());
            handle.put("description", output.description());
            outputs.put(output.name(), handle);
        }
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("class_name", className(type.type()));
        view.put("category", type.category());
        view.put("display_name", type.type());
        view.put("base_type", null);
        view.put("version", type.version());
        view.put("description", type.description());
        view.put("author", "");
        view.put("tags", List.of());
        view.put("default_params", defaults);
        view.put("input_handles", inputs);
        view.put("output_handles", outputs);
        view.put("docstring", type.description());
        return view;
    }

    /** {@code price_node} → {@code PriceNode}. */
    private static String className(String type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.split("[_-]")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return name.toString();
    }

    private static void identifier(Map<?, ?> fields, String field, List<ValidationProblem> problems) {
        Object value = fields.get(field);
        if (value == null) {
            return;
        }
        if (!(value instanceof String text)) {
            problems.add(new ValidationProblem("/" + field, ProblemCodes.INVALID_TYPE, "'" + field + "' must be a string"));
        } else if (!Identifier.isValid(text)) {
            problems.add(new ValidationProblem("/" + field, ProblemCodes.INVALID_ID, "'" + field + "' "
                    + Identifier.problem(text)));
        }
    }

    private static boolean isWhole(Number number) {
        return switch (number) {
            case Integer _, Long _, Short _, Byte _, BigInteger _ -> true;
            case java.math.BigDecimal decimal -> decimal.stripTrailingZeros().scale() <= 0;
            default -> false;
        };
    }
}
