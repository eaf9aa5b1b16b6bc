package io.weatherstation.compat.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.LogQuery.OrderBy;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.adapter.in.web.RequestParameters;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.Identifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original engine's log routes: a flow's logs across cycles with filters and paging, and one
 * node's logs in one cycle ({@code system} = lines without a node). Newest first by default, as
 * the original.
 */
@RestController
@Tag(name = "Compatibility: logs", description = "The original Station API's execution-log routes (root paths)")
class CompatLogController {

    private static final int DEFAULT_LIMIT = 100;
    private static final List<OrderBy> FLOW_ORDERS = List.of(OrderBy.CREATED_AT, OrderBy.LOG_LEVEL, OrderBy.CYCLE,
            OrderBy.NODE_ID);
    private static final List<OrderBy> NODE_ORDERS = List.of(OrderBy.CREATED_AT, OrderBy.LOG_LEVEL, OrderBy.LOG_SOURCE);

    private final ExecutionJournalUseCase journal;
    private final QueryFlowsUseCase flows;
    private final QueryExecutionUseCase executions;

    CompatLogController(ExecutionJournalUseCase journal, QueryFlowsUseCase flows, QueryExecutionUseCase executions) {
        this.journal = journal;
        this.flows = flows;
        this.executions = executions;
    }

    @GetMapping("/flows/{flowId}/logs")
    @Operation(summary = "A flow's execution logs, filtered and paged (original API)",
            description = "order_by: created_at, log_level, cycle, node_id; order_direction: asc or desc (default). "
                    + "node_id=system selects lines written by the scheduler and the station itself.")
    Map<String, @Nullable Object> flowLogs(@PathVariable FlowId flowId,
            @Parameter(description = "only this cycle") @RequestParam(name = "cycle", required = false)
            @Nullable CycleNumber cycle,
            @RequestParam(name = "node_id", required = false) @Nullable String nodeId,
            @RequestParam(name = "log_level", required = false) @Nullable String logLevel,
            @RequestParam(name = "log_source", required = false) @Nullable String logSource,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "offset", required = false) @Nullable Integer offset,
            @RequestParam(name = "order_by", required = false) @Nullable String orderBy,
            @RequestParam(name = "order_direction", required = false) @Nullable String orderDirection) {
        if (nodeId != null && !nodeId.isBlank() && !Identifier.isValid(nodeId)) {
            throw ApiProblems.invalidParameter("node_id", "'node_id' " + Identifier.problem(nodeId));
        }
        String node = nodeId == null || nodeId.isBlank() ? null : nodeId;
        LogQuery query = new LogQuery(flowId, cycle == null ? null : cycle.value(), node, level(logLevel),
                source(logSource), RequestParameters.limit(limit, DEFAULT_LIMIT), RequestParameters.offset(offset),
                order(orderBy, FLOW_ORDERS), descending(orderDirection));
        requireFlow(flowId);
        Page<LogEntry> page = journal.logs(query);

        Map<String, @Nullable Object> filters = new LinkedHashMap<>();
        filters.put("cycle", query.cycle());
        filters.put("node_id", query.nodeId());
        filters.put("log_level", query.level() == null ? null : query.level().name());
        filters.put("log_source", query.source() == null ? null : query.source().code());

        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("flow_id", flowId.value());
        view.put("logs", CompatViews.logs(page));
        view.put("cycle_status", cycleStatus(flowId, page));
        view.put("pagination", CompatViews.pagination(page));
        view.put("filters", filters);
        return view;
    }

    @GetMapping("/flows/{flowId}/cycles/{cycle}/nodes/{nodeId}/logs")
    @Operation(summary = "One node's logs in one cycle; node id 'system' selects lines without a node (original API)",
            description = "order_by: created_at, log_level, log_source; order_direction: asc or desc (default).")
    Map<String, @Nullable Object> nodeLogs(@PathVariable FlowId flowId, @PathVariable CycleNumber cycle,
            @PathVariable String nodeId,
            @RequestParam(name = "log_level", required = false) @Nullable String logLevel,
            @RequestParam(name = "log_source", required = false) @Nullable String logSource,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "offset", required = false) @Nullable Integer offset,
            @RequestParam(name = "order_by", required = false) @Nullable String orderBy,
            @RequestParam(name = "order_direction", required = false) @Nullable String orderDirection) {
        boolean system = nodeId.equalsIgnoreCase(LogQuery.SYSTEM_NODE);
        if (!system) {
            RequestParameters.identifier("node id", nodeId);
        }
        LogQuery query = new LogQuery(flowId, cycle.value(), system ? LogQuery.SYSTEM_NODE : nodeId, level(logLevel),
                source(logSource), RequestParameters.limit(limit, DEFAULT_LIMIT), RequestParameters.offset(offset),
                order(orderBy, NODE_ORDERS), descending(orderDirection));
        requireFlow(flowId);
        Page<LogEntry> page = journal.logs(query);

        Map<String, @Nullable Object> filters = new LinkedHashMap<>();
        filters.put("log_level", query.level() == null ? null : query.level().name());
        filters.put("log_source", query.source() == null ? null : query.source().code());

        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("flow_id", flowId.value());
        view.put("cycle", cycle.value());
        view.put("node_id", system ? null : nodeId);
        view.put("logs", CompatViews.logs(page));
        view.put("pagination", CompatViews.pagination(page));
        view.put("filters", filters);
        return view;
    }

    private void requireFlow(FlowId flowId) {
        if (flows.find(flowId).isEmpty()) {
            throw new FlowNotFoundException(flowId);
        }
    }

    /** The status of every cycle the page's lines belong to, keyed by cycle number. */
    private Map<String, Object> cycleStatus(FlowId flowId, Page<LogEntry> page) {
        Set<Long> cycles = new TreeSet<>();
        page.items().forEach(entry -> cycles.add(entry.cycle()));
        Map<String, Object> view = new LinkedHashMap<>();
        for (long number : cycles) {
            Map<String, @Nullable Object> status = new LinkedHashMap<>();
            Cycle cycle = number < 0 ? null
                    : executions.cycle(flowId, CycleNumber.of(number)).map(d -> d.cycle()).orElse(null);
            status.put("cycle", number);
            status.put("status", cycle == null ? "unknown" : cycle.status().wireName());
            status.put("start_time", cycle == null ? null : cycle.startTime());
            status.put("end_time", cycle == null ? null : cycle.endTime());
            status.put("flow_id", flowId.value());
            view.put(Long.toString(number), status);
        }
        return view;
    }

    private static OrderBy order(@Nullable String value, List<OrderBy> allowed) {
        if (value == null || value.isBlank()) {
            return OrderBy.CREATED_AT;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return allowed.stream().filter(o -> o.name().equals(wanted)).findFirst()
                .orElseThrow(() -> ApiProblems.invalidParameter("order_by", "'order_by' must be one of "
                        + allowed.stream().map(o -> o.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                        + ", was '" + value + "'"));
    }

    /** Descending unless asked otherwise, as the original. */
    private static boolean descending(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "desc" -> true;
            case "asc" -> false;
            default -> throw ApiProblems.invalidParameter("order_direction",
                    "'order_direction' must be one of asc, desc, was '" + value + "'");
        };
    }

    private static @Nullable LogLevel level(@Nullable String text) {
        return RequestParameters.parsed("log_level", text, LogLevel::parse, LogLevel.values()).orElse(null);
    }

    private static @Nullable LogSource source(@Nullable String text) {
        return RequestParameters.parsed("log_source", text, LogSource::parse, LogSource.values()).orElse(null);
    }
}
