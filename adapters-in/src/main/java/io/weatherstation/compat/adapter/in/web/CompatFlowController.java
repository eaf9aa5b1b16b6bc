package io.weatherstation.compat.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase.CycleDetails;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.flow.application.port.in.ControlFlowUseCase;
import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase.RegisterFlowCommand;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.flow.domain.InvalidFlowDefinitionException;
import io.weatherstation.flow.domain.ProblemCodes;
import io.weatherstation.flow.domain.SecretParameters;
import io.weatherstation.flow.domain.ValidationProblem;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.Identifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The original engine's flow routes: execute (register-or-replace and start), status, stop. */
@RestController
@Tag(name = "Compatibility: flows", description = "The original Station API's flow routes (root paths)")
class CompatFlowController {

    /** Per node, the comprehensive status shows at most this many log lines (as the original did). */
    static final int NODE_LOG_LIMIT = 50;
    private static final int SIGNAL_PAGE = 1000;
    private static final String FLOW_JSON = "/flow_json";
    private static final java.util.Set<String> INTERVAL_FIELDS = java.util.Set.of("interval", "cycle_interval", "cron");

    private final RegisterFlowUseCase register;
    private final ControlFlowUseCase control;
    private final QueryFlowsUseCase flows;
    private final QueryExecutionUseCase executions;
    private final ExecutionJournalUseCase journal;
    private final NodeTypeCatalog catalog;
    private final WeatherSyntaxJson json;
    private final Clock clock;

    CompatFlowController(RegisterFlowUseCase register, ControlFlowUseCase control, QueryFlowsUseCase flows,
            QueryExecutionUseCase executions, ExecutionJournalUseCase journal, NodeTypeCatalog catalog,
            WeatherSyntaxJson json, Clock clock) {
        this.register = register;
        this.control = control;
        this.flows = flows;
        this.executions = executions;
        this.journal = journal;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/flows/execute", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register or replace a flow and start it (original API)",
            description = "Body: {flow_id, cycle_interval, flow_json: {nodes, edges}, user_id?}. cycle_interval is "
                    + "seconds (number or string), \"30s\"/\"5m\"/\"1h\"/\"1d\", or 0/\"0\"/\"once\" for one cycle. "
                    + "A running flow is stopped (its unfinished tasks terminated) and started again on the new "
                    + "definition; last_cycle is kept. Invalid requests change nothing and list every problem, "
                    + "with pointers into this body (/flow_json/nodes/0/type).")
    Map<String, Object> execute(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "{flow_id, cycle_interval, flow_json: {nodes, edges}, user_id?}")))
            @RequestBody(required = false) byte @Nullable [] body) {
        Object request = json.readTree(body == null ? new byte[0] : body);
        if (!(request instanceof Map<?, ?> fields)) {
            throw InvalidFlowDefinitionException.of("", ProblemCodes.INVALID_TYPE,
                    "the body must be a JSON object {flow_id, cycle_interval, flow_json, user_id?}");
        }
        List<ValidationProblem> problems = new ArrayList<>();
        FlowId flowId = flowId(fields.get("flow_id"), fields.containsKey("flow_id"), problems);
        if (!fields.containsKey("cycle_interval")) {
            problems.add(new ValidationProblem("/cycle_interval", ProblemCodes.REQUIRED,
                    "'cycle_interval' is required: seconds, \"30s\", \"5m\", \"1h\", \"1d\", or \"once\""));
        }
        Object userId = fields.get("user_id");
        if (userId != null && !(userId instanceof String)) {
            problems.add(new ValidationProblem("/user_id", ProblemCodes.INVALID_TYPE, "'user_id' must be a string"));
        }
        Map<String, @Nullable Object> definition = definition(fields, problems);
        if (!problems.isEmpty() || flowId == null) {
            if (definition != null) {
                try {
                    json.validate(definition);
                } catch (InvalidFlowDefinitionException invalid) {
                    problems.addAll(relocate(invalid.problems()));
                }
            }
            throw new InvalidFlowDefinitionException(problems);
        }
        boolean existed;
        try {
            existed = register.register(new RegisterFlowCommand(flowId, definition)).replaced();
        } catch (InvalidFlowDefinitionException invalid) {
            throw new InvalidFlowDefinitionException(relocate(invalid.problems()));
        }
        Flow flow = flows.find(flowId).orElseThrow(() -> new FlowNotFoundException(flowId));
        if (flow.status() == FlowStatus.RUNNING) {
            control.stop(flowId, true);
        }
        Flow started = control.start(flowId);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", started.status().code());
        response.put("flow_id", flowId.value());
        response.put("message", "Flow " + flowId.value() + (existed ? " updated and registered" : " registered"));
        return response;
    }

    @GetMapping("/flows/{flowId}/status")
    @Operation(summary = "A flow with its definition, structure and current cycle (original API)")
    Map<String, @Nullable Object> status(@PathVariable FlowId flowId) {
        Flow flow = flow(flowId);
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("id", flow.id().value());
        view.put("status", flow.status().code());
        view.put("config", SecretParameters.mask(flow.definitionJson(), catalog));
        view.put("structure", flow.structure().toDocument());
        view.put("last_cycle", flow.lastCycle().map(CycleNumber::value).orElse(-1L));
        view.put("next_execution", CompatViews.epochSeconds(flow.nextExecution().orElse(null)));
        view.put("created_at", flow.createdAt());
        view.put("updated_at", flow.updatedAt());
        view.put("user_id", flow.definitionJson().get("user_id"));
        flow.lastCycle().ifPresent(last -> view.put("current_cycle_status", executions.cycle(flowId, last)
                .<Map<String, @Nullable Object>>map(CompatViews::cycle)
                .orElseGet(() -> {
                    Map<String, @Nullable Object> missing = new LinkedHashMap<>();
                    missing.put("error", "Cycle " + last.value() + " does not exist");
                    return missing;
                })));
        return view;
    }

    @GetMapping("/flows/{flowId}/comprehensive-status")
    @Operation(summary = "Flow status with every node's status, recent logs and signals, and statistics (original API)")
    Map<String, @Nullable Object> comprehensiveStatus(@PathVariable FlowId flowId,
            @Parameter(description = "cycle number; the latest when absent")
            @RequestParam(name = "cycle", required = false) @Nullable CycleNumber cycle,
            @Parameter(description = "include up to 50 log lines per node (default true)")
            @RequestParam(name = "include_node_logs", required = false) @Nullable String includeNodeLogs,
            @Parameter(description = "include each node's input and output signals (default true)")
            @RequestParam(name = "include_node_signals", required = false) @Nullable String includeNodeSignals) {
        boolean withLogs = flag("include_node_logs", includeNodeLogs);
        boolean withSignals = flag("include_node_signals", includeNodeSignals);
        Flow flow = flow(flowId);
        Optional<CycleDetails> details = cycle == null ? latestCycle(flow) : executions.cycle(flowId, cycle);
        if (cycle != null && details.isEmpty()) {
            throw ApiProblems.exception(ApiProblems.problem(org.springframework.http.HttpStatus.NOT_FOUND,
                    "cycle_not_found", "Cycle not found", "flow '" + flowId + "' has no cycle " + cycle,
                    Map.of("flow_id", flowId.value(), "cycle", cycle.value())));
        }
        Instant now = clock.instant();
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("flow_id", flowId.value());
        view.put("cycle", details.map(d -> d.cycle().number().value()).orElse(null));
        view.put("flow_status", flowStatus(flow, details.map(CycleDetails::cycle).orElse(null)));
        view.put("start_time", details.map(d -> d.cycle().startTime()).orElse(null));
        view.put("end_time", details.map(d -> d.cycle().endTime()).orElse(null));
        Instant next = flow.nextExecution().orElse(null);
        view.put("next_execution", CompatViews.epochSeconds(next));
        view.put("next_cycle_eta", next == null ? null : Math.max(0, Duration.between(now, next).toSeconds()));
        view.put("last_cycle_duration_ms", lastDuration(flow));
        view.put("credits_used", 0);
        Map<String, Object> nodes = new LinkedHashMap<>();
        details.ifPresent(d -> {
            List<SignalRecord> signals = withSignals ? signals(flowId, d.cycle().number()) : List.of();
            for (NodeTask task : d.tasks()) {
                nodes.put(task.id().nodeId().value(), node(task, withLogs, withSignals, signals));
            }
        });
        view.put("nodes", nodes);
        view.put("statistics", statistics(details.map(CycleDetails::tasks).orElse(List.of())));
        Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
        metadata.put("name", flow.definitionJson().get("name"));
        metadata.put("description", flow.definitionJson().get("description"));
        metadata.put("created_at", flow.createdAt());
        metadata.put("updated_at", flow.updatedAt());
        metadata.put("total_cycles", flow.lastCycle().map(c -> c.value() + 1).orElse(0L));
        metadata.put("user_id", flow.definitionJson().get("user_id"));
        view.put("flow_metadata", metadata);
        return view;
    }

    @PostMapping("/flows/{flowId}/stop")
    @Operation(summary = "Stop a flow; unfinished tasks of its running cycles are terminated (original API)",
            description = "Stopping a flow that is not running changes nothing and answers with its status.")
    Map<String, Object> stop(@PathVariable FlowId flowId) {
        Flow flow = flow(flowId);
        Map<String, Object> response = new LinkedHashMap<>();
        if (flow.status() != FlowStatus.RUNNING) {
            response.put("status", flow.status().code());
            response.put("flow_id", flowId.value());
            response.put("terminated_nodes", 0);
            response.put("message", "Flow " + flowId.value() + " is not running (" + flow.status().code() + ")");
            return response;
        }
        long unfinished = executions.cycles(flowId, 10).stream()
                .filter(Cycle::isRunning)
                .flatMap(c -> executions.cycle(flowId, c.number()).stream())
                .flatMap(d -> d.tasks().stream())
                .filter(t -> !t.isFinished())
                .count();
        Flow stopped = control.stop(flowId, true);
        response.put("status", stopped.status().code());
        response.put("flow_id", flowId.value());
        response.put("terminated_nodes", unfinished);
        response.put("message", "Flow " + flowId.value() + " stopped");
        return response;
    }

    private Flow flow(FlowId flowId) {
        return flows.find(flowId).orElseThrow(() -> new FlowNotFoundException(flowId));
    }

    private Optional<CycleDetails> latestCycle(Flow flow) {
        Optional<CycleDetails> last = flow.lastCycle().flatMap(n -> executions.cycle(flow.id(), n));
        if (last.isPresent()) {
            return last;
        }
        return executions.cycles(flow.id(), 1).stream().findFirst()
                .flatMap(c -> executions.cycle(flow.id(), c.number()));
    }

    /**
     * The original's combined status: a stopped flow is {@code stopped}; a run-once flow that
     * completed shows its cycle's outcome; a running flow is {@code running} while a cycle runs and
     * {@code waiting_next_cycle} between cycles.
     */
    private static String flowStatus(Flow flow, @Nullable Cycle cycle) {
        return switch (flow.status()) {
            case REGISTERED -> "registered";
            case STOPPED -> "stopped";
            case COMPLETED -> cycle == null ? "completed" : cycle.status().wireName();
            case RUNNING -> cycle == null || cycle.isRunning() ? "running"
                    : cycle.status() == CycleStatus.FAILED ? "failed" : "waiting_next_cycle";
        };
    }

    private @Nullable Long lastDuration(Flow flow) {
        return executions.cycles(flow.id(), 5).stream()
                .filter(c -> c.endTime() != null)
                .findFirst()
                .map(c -> Duration.between(c.startTime(), c.endTime()).toMillis())
                .orElse(null);
    }

    private List<SignalRecord> signals(FlowId flowId, CycleNumber cycle) {
        List<SignalRecord> all = new ArrayList<>();
        int offset = 0;
        Page<SignalRecord> page;
        do {
            page = journal.signals(flowId, cycle.value(), SIGNAL_PAGE, offset);
            all.addAll(page.items());
            offset += page.items().size();
        } while (page.hasMore() && !page.items().isEmpty());
        return all;
    }

    private Map<String, @Nullable Object> node(NodeTask task, boolean withLogs, boolean withSignals,
            List<SignalRecord> signals) {
        String nodeId = task.id().nodeId().value();
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("node_id", nodeId);
        view.put("node_type", task.nodeType());
        view.put("status", task.status().wireName());
        if (withLogs) {
            Page<LogEntry> logs = journal.logs(new LogQuery(task.id().flowId(), task.id().cycle().value(), nodeId, null,
                    null, NODE_LOG_LIMIT, 0, LogQuery.OrderBy.CREATED_AT, true));
            view.put("logs", CompatViews.logs(logs));
        }
        if (withSignals) {
            List<Map<String, @Nullable Object>> input = new ArrayList<>();
            List<Map<String, @Nullable Object>> output = new ArrayList<>();
            Map<String, Object> inputHandles = new LinkedHashMap<>();
            Map<String, Object> outputHandles = new LinkedHashMap<>();
            for (SignalRecord signal : signals) {
                if (signal.targetNode().equals(nodeId)) {
                    input.add(CompatViews.signal(signal, "input"));
                    inputHandles.put(signal.targetHandle(), signal.payload());
                }
                if (signal.sourceNode().equals(nodeId)) {
                    output.add(CompatViews.signal(signal, "output"));
                    outputHandles.put(signal.sourceHandle(), signal.payload());
                }
            }
            Map<String, Object> handles = new LinkedHashMap<>();
            handles.put("input", inputHandles);
            handles.put("output", outputHandles);
            Map<String, Object> signalView = new LinkedHashMap<>();
            signalView.put("input", input);
            signalView.put("output", output);
            signalView.put("handles", handles);
            view.put("signals", signalView);
        }
        view.put("metadata", CompatViews.task(task));
        return view;
    }

    private static Map<String, Object> statistics(List<NodeTask> tasks) {
        Map<NodeTaskStatus, Long> counts = new java.util.EnumMap<>(NodeTaskStatus.class);
        for (NodeTaskStatus status : NodeTaskStatus.values()) {
            counts.put(status, 0L);
        }
        tasks.forEach(t -> counts.merge(t.status(), 1L, Long::sum));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("total_nodes", tasks.size());
        view.put("running_nodes", counts.get(NodeTaskStatus.RUNNING));
        view.put("completed_nodes", counts.get(NodeTaskStatus.COMPLETED));
        view.put("failed_nodes", counts.get(NodeTaskStatus.FAILED));
        view.put("terminated_nodes", counts.get(NodeTaskStatus.TERMINATED));
        view.put("skipped_nodes", counts.get(NodeTaskStatus.SKIPPED));
        view.put("pending_nodes", counts.get(NodeTaskStatus.PENDING) + counts.get(NodeTaskStatus.REGISTERED));
        // The original's name for failed nodes.
        view.put("error_nodes", counts.get(NodeTaskStatus.FAILED));
        return view;
    }

    /** {@code true} unless the value is {@code false} (any case), as the original read it; other values are errors. */
    private static boolean flag(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiProblems.invalidParameter(name, "'" + name + "' must be true or false, was '" + value + "'");
        };
    }

    private static @Nullable FlowId flowId(@Nullable Object value, boolean present, List<ValidationProblem> problems) {
        if (!present || value == null) {
            problems.add(new ValidationProblem("/flow_id", ProblemCodes.REQUIRED, "'flow_id' is required"));
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(new ValidationProblem("/flow_id", ProblemCodes.INVALID_TYPE, "'flow_id' must be a string"));
            return null;
        }
        if (!Identifier.isValid(text)) {
            problems.add(new ValidationProblem("/flow_id", ProblemCodes.INVALID_ID, "'flow_id' " + Identifier.problem(text)));
            return null;
        }
        return FlowId.of(text);
    }

    /**
     * The Weather Syntax document, shaped as the original stored its config: {@code flow_json}'s
     * fields with the envelope's {@code cycle_interval} as {@code interval}, and {@code user_id}
     * (kept with the flow). Null when {@code flow_json} is missing or not an object.
     */
    private static @Nullable Map<String, @Nullable Object> definition(Map<?, ?> fields, List<ValidationProblem> problems) {
        Object flowJson = fields.get("flow_json");
        if (!(flowJson instanceof Map<?, ?> graph)) {
            problems.add(flowJson == null
                    ? new ValidationProblem(FLOW_JSON, ProblemCodes.REQUIRED, "'flow_json' is required: {nodes, edges}")
                    : new ValidationProblem(FLOW_JSON, ProblemCodes.INVALID_TYPE, "'flow_json' must be an object {nodes, edges}"));
            return null;
        }
        Map<String, @Nullable Object> document = new LinkedHashMap<>();
        graph.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (INTERVAL_FIELDS.contains(name)) {
                problems.add(new ValidationProblem(FLOW_JSON + "/" + name, ProblemCodes.CONFLICTING_FIELDS,
                        "give the interval once, as the request's 'cycle_interval'"));
            } else {
                document.put(name, value);
            }
        });
        if (fields.containsKey("cycle_interval")) {
            document.put("interval", fields.get("cycle_interval"));
        }
        if (fields.get("user_id") instanceof String userId) {
            document.put("user_id", userId);
        }
        return document;
    }

    /** Pointers into the document become pointers into the request body ({@code interval} is the envelope's). */
    private static List<ValidationProblem> relocate(List<ValidationProblem> problems) {
        return problems.stream().map(p -> {
            String pointer = p.pointer();
            if (pointer.equals("/interval") || pointer.startsWith("/interval/")) {
                return new ValidationProblem("/cycle_interval" + pointer.substring("/interval".length()), p.code(),
                        p.message().replace("'interval'", "'cycle_interval'"));
            }
            if (pointer.equals("/user_id")) {
                return p;
            }
            return new ValidationProblem(FLOW_JSON + pointer, p.code(), p.message());
        }).toList();
    }
}
