package io.weatherstation.execution.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.LogResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.SignalResponse;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.adapter.in.web.PageResponse;
import io.weatherstation.shared.adapter.in.web.RequestParameters;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.Identifier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Persisted execution logs and signals, paged. A cycle the flow never reached is a 404; a cycle
 * whose journal was dropped by retention is an empty page.
 */
@RestController
@RequestMapping("/api/v1/flows/{flowId}")
@Tag(name = "Journal", description = "Execution logs and signal history")
class JournalController {

    private static final int DEFAULT_LIMIT = 100;

    private final ExecutionJournalUseCase journal;
    private final QueryFlowsUseCase flows;

    JournalController(ExecutionJournalUseCase journal, QueryFlowsUseCase flows) {
        this.journal = journal;
        this.flows = flows;
    }

    @GetMapping("/cycles/{cycle}/logs")
    @Operation(summary = "Log lines of one cycle")
    PageResponse<LogResponse> cycleLogs(@PathVariable FlowId flowId, @PathVariable CycleNumber cycle,
            @RequestParam(name = "node_id", required = false) @Nullable String nodeId,
            @RequestParam(name = "log_level", required = false) @Nullable String logLevel,
            @RequestParam(name = "log_source", required = false) @Nullable String logSource,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "offset", required = false) @Nullable Integer offset,
            @RequestParam(name = "order_by", required = false) @Nullable String orderBy,
            @RequestParam(name = "order_direction", required = false) @Nullable String orderDirection) {
        LogQuery query = query(flowId, cycle, nodeId, logLevel, logSource, limit, offset, orderBy, orderDirection);
        requireCycle(flowId, cycle);
        return logs(journal.logs(query));
    }

    @GetMapping("/cycles/{cycle}/signals")
    @Operation(summary = "Signals sent in one cycle")
    PageResponse<SignalResponse> cycleSignals(@PathVariable FlowId flowId, @PathVariable CycleNumber cycle,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "offset", required = false) @Nullable Integer offset) {
        int checkedLimit = RequestParameters.limit(limit, DEFAULT_LIMIT);
        int checkedOffset = RequestParameters.offset(offset);
        requireCycle(flowId, cycle);
        Page<SignalRecord> page = journal.signals(flowId, cycle.value(), checkedLimit, checkedOffset);
        return PageResponse.of(page.items().stream().map(ExecutionMapper::signal).toList(), page.total(), page.limit(),
                page.offset());
    }

    @GetMapping("/logs")
    @Operation(summary = "Log lines of a flow across cycles",
            description = "node_id=system selects the lines written by the scheduler and the station itself.")
    PageResponse<LogResponse> flowLogs(@PathVariable FlowId flowId,
            @Parameter(description = "only this cycle") @RequestParam(name = "cycle", required = false)
            @Nullable CycleNumber cycle,
            @RequestParam(name = "node_id", required = false) @Nullable String nodeId,
            @RequestParam(name = "log_level", required = false) @Nullable String logLevel,
            @RequestParam(name = "log_source", required = false) @Nullable String logSource,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "offset", required = false) @Nullable Integer offset,
            @RequestParam(name = "order_by", required = false) @Nullable String orderBy,
            @RequestParam(name = "order_direction", required = false) @Nullable String orderDirection) {
        LogQuery query = query(flowId, cycle, nodeId, logLevel, logSource, limit, offset, orderBy, orderDirection);
        Lookups.flow(flows, flowId);
        return logs(journal.logs(query));
    }

    private void requireCycle(FlowId flowId, CycleNumber cycle) {
        Flow flow = Lookups.flow(flows, flowId);
        if (!Lookups.everRan(flow, cycle)) {
            throw Lookups.cycleNotFound(flowId, cycle);
        }
    }

    private static PageResponse<LogResponse> logs(Page<LogEntry> page) {
        return PageResponse.of(page.items().stream().map(ExecutionMapper::log).toList(), page.total(), page.limit(),
                page.offset());
    }

    /** Checks every filter before anything is looked up, so a bad parameter is a 400 whatever the flow. */
    private static LogQuery query(FlowId flowId, @Nullable CycleNumber cycle, @Nullable String nodeId,
            @Nullable String logLevel, @Nullable String logSource, @Nullable Integer limit, @Nullable Integer offset,
            @Nullable String orderBy, @Nullable String orderDirection) {
        int checkedLimit = RequestParameters.limit(limit, DEFAULT_LIMIT);
        int checkedOffset = RequestParameters.offset(offset);
        if (nodeId != null && !Identifier.isValid(nodeId)) {
            throw ApiProblems.invalidParameter("node_id", "'node_id' " + Identifier.problem(nodeId));
        }
        LogQuery.OrderBy order = RequestParameters.oneOf("order_by", orderBy, LogQuery.OrderBy.class)
                .orElse(LogQuery.OrderBy.CREATED_AT);
        Direction direction = RequestParameters.oneOf("order_direction", orderDirection, Direction.class)
                .orElse(Direction.ASC);
        return new LogQuery(flowId, cycle == null ? null : cycle.value(), nodeId, level(logLevel), source(logSource),
                checkedLimit, checkedOffset, order, direction == Direction.DESC);
    }

    private static @Nullable LogLevel level(@Nullable String text) {
        return RequestParameters.parsed("log_level", text, LogLevel::parse, LogLevel.values()).orElse(null);
    }

    private static @Nullable LogSource source(@Nullable String text) {
        return RequestParameters.parsed("log_source", text, LogSource::parse, LogSource.values()).orElse(null);
    }

    enum Direction { ASC, DESC }
}
