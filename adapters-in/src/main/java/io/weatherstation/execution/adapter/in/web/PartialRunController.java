package io.weatherstation.execution.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.execution.adapter.in.web.ControlResponses.BoundaryHandleResponse;
import io.weatherstation.execution.adapter.in.web.ControlResponses.PartialRunInputResponse;
import io.weatherstation.execution.adapter.in.web.ControlResponses.PartialRunListResponse;
import io.weatherstation.execution.adapter.in.web.ControlResponses.PartialRunPreviewResponse;
import io.weatherstation.execution.adapter.in.web.ControlResponses.PartialRunResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.LogResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.SignalResponse;
import io.weatherstation.execution.application.port.in.PartialRunNotFoundException;
import io.weatherstation.execution.application.port.in.PartialRunUseCase;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.Input;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.PartialRunPreview;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.PreviewPartialRunCommand;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.StartPartialRunCommand;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase.CycleDetails;
import io.weatherstation.execution.application.port.in.QueryPartialRunsUseCase;
import io.weatherstation.execution.application.port.in.QueryPartialRunsUseCase.PartialRunDetails;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.flow.domain.PartialRunMode;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.adapter.in.web.PageResponse;
import io.weatherstation.shared.adapter.in.web.RequestParameters;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.Identifier;
import io.weatherstation.shared.domain.NodeId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partial runs of a flow around a trigger node, with a preview. A partial run has its own id and
 * never touches the flow's definition, status, {@code last_cycle} or schedule (ADR 0012).
 */
@RestController
@RequestMapping("/api/v1/flows/{flowId}/partial-runs")
@Tag(name = "Operator controls")
class PartialRunController {

    private static final int DEFAULT_LIMIT = 20;
    private static final int DEFAULT_LOG_LIMIT = 100;
    private static final Set<String> START_FIELDS = Set.of("trigger_node_id", "mode", "inputs");

    private final PartialRunUseCase partialRuns;
    private final QueryPartialRunsUseCase queries;
    private final ExecutionJournalUseCase journal;
    private final WeatherSyntaxJson json;

    PartialRunController(PartialRunUseCase partialRuns, QueryPartialRunsUseCase queries,
            ExecutionJournalUseCase journal, WeatherSyntaxJson json) {
        this.partialRuns = partialRuns;
        this.queries = queries;
        this.journal = journal;
        this.json = json;
    }

    @GetMapping("/preview")
    @Operation(summary = "The nodes a partial run would run, in topological order, and its boundary handles",
            description = "mode: single, upstream, downstream or component (single when absent). Boundary handles "
                    + "are inputs fed by nodes the run leaves out; a required one needs a value in 'inputs'.")
    PartialRunPreviewResponse preview(@PathVariable FlowId flowId,
            @RequestParam(name = "trigger_node_id", required = false) @Nullable String trigger,
            @RequestParam(name = "mode", required = false) @Nullable String mode) {
        PartialRunPreview preview = partialRuns.preview(new PreviewPartialRunCommand(flowId,
                ControlRequests.nodeId("trigger_node_id", trigger), mode(mode)));
        return new PartialRunPreviewResponse(flowId.value(), preview.trigger().value(), preview.mode().wireName(),
                preview.nodes().stream().map(NodeId::value).toList(),
                preview.boundaryHandles().stream().map(b -> new BoundaryHandleResponse(b.node().value(),
                        b.handle().value(), b.required(), b.upstreamNodes().stream().map(NodeId::value).toList()))
                        .toList());
    }

    @PostMapping
    @Operation(summary = "Start a partial run",
            description = "Body: {\"trigger_node_id\": \"...\", \"mode\": \"single|upstream|downstream|component\", "
                    + "\"inputs\": {node_id: {handle: value}}}. 400 invalid_partial_run lists every problem (unknown "
                    + "trigger, required boundary input missing, input for a handle that is not a boundary handle).")
    ResponseEntity<PartialRunResponse> start(@PathVariable FlowId flowId,
            @RequestBody(required = false) byte @Nullable [] body) {
        Map<String, @Nullable Object> request = ControlRequests.object(json, body, START_FIELDS);
        NodeId trigger = ControlRequests.nodeId("trigger_node_id", ControlRequests.text(request, "trigger_node_id"));
        PartialRunMode mode = mode(ControlRequests.text(request, "mode"));
        List<Input> inputs = new ArrayList<>();
        ControlRequests.objectField(request, "inputs").forEach((node, handles) -> {
            if (!Identifier.isValid(node)) {
                throw ApiProblems.invalidParameter("inputs", "'inputs' key '" + node + "' is not a node id: "
                        + Identifier.problem(node));
            }
            if (!(handles instanceof Map<?, ?> byHandle)) {
                throw ApiProblems.invalidParameter("inputs", "'inputs." + node + "' must be an object {handle: value}");
            }
            byHandle.forEach((handle, value) -> {
                if (!Identifier.isValid(String.valueOf(handle))) {
                    throw ApiProblems.invalidParameter("inputs", "'inputs." + node + "' key '" + handle
                            + "' is not a handle name: " + Identifier.problem(String.valueOf(handle)));
                }
                inputs.add(new Input(NodeId.of(node), HandleName.of(String.valueOf(handle)), value));
            });
        });
        PartialRunDetails started = partialRuns.start(new StartPartialRunCommand(flowId, trigger, mode, inputs));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/flows/" + flowId.value() + "/partial-runs/" + started.id().value()))
                .body(response(started));
    }

    @GetMapping
    @Operation(summary = "Recent partial runs, newest first")
    PartialRunListResponse list(@PathVariable FlowId flowId,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit) {
        int checked = RequestParameters.limit(limit, DEFAULT_LIMIT);
        return new PartialRunListResponse(flowId.value(),
                queries.partialRuns(flowId, checked).stream().map(PartialRunController::response).toList());
    }

    @GetMapping("/{runId}")
    @Operation(summary = "One partial run: status and node tasks")
    PartialRunResponse get(@PathVariable FlowId flowId, @PathVariable String runId) {
        return response(find(flowId, runId(runId)));
    }

    @PostMapping("/{runId}/cancel")
    @Operation(summary = "Cancel a running partial run: its unfinished tasks are terminated")
    PartialRunResponse cancel(@PathVariable FlowId flowId, @PathVariable String runId) {
        return response(partialRuns.cancel(flowId, runId(runId), "partial run cancelled"));
    }

    @GetMapping("/{runId}/logs")
    @Operation(summary = "Log lines of one partial run")
    PageResponse<LogResponse> logs(@PathVariable FlowId flowId, @PathVariable String runId,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "offset", required = false) @Nullable Integer offset) {
        int checkedLimit = RequestParameters.limit(limit, DEFAULT_LOG_LIMIT);
        int checkedOffset = RequestParameters.offset(offset);
        PartialRunDetails run = find(flowId, runId(runId));
        Page<LogEntry> page = journal.logs(new LogQuery(flowId, run.cycleNumber().value(), null, null, null,
                checkedLimit, checkedOffset, LogQuery.OrderBy.CREATED_AT, false));
        return PageResponse.of(page.items().stream().map(ExecutionMapper::log).toList(), page.total(), page.limit(),
                page.offset());
    }

    @GetMapping("/{runId}/signals")
    @Operation(summary = "Signals sent in one partial run")
    PageResponse<SignalResponse> signals(@PathVariable FlowId flowId, @PathVariable String runId,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "offset", required = false) @Nullable Integer offset) {
        int checkedLimit = RequestParameters.limit(limit, DEFAULT_LOG_LIMIT);
        int checkedOffset = RequestParameters.offset(offset);
        PartialRunDetails run = find(flowId, runId(runId));
        Page<SignalRecord> page = journal.signals(flowId, run.cycleNumber().value(), checkedLimit, checkedOffset);
        return PageResponse.of(page.items().stream().map(ExecutionMapper::signal).toList(), page.total(), page.limit(),
                page.offset());
    }

    private PartialRunDetails find(FlowId flowId, PartialRunId runId) {
        return queries.partialRun(flowId, runId).orElseThrow(() -> new PartialRunNotFoundException(flowId, runId));
    }

    private static PartialRunId runId(String text) {
        try {
            return PartialRunId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalidId(e.getMessage());
        }
    }

    private static PartialRunMode mode(@Nullable String text) {
        return text == null ? PartialRunMode.SINGLE : ControlRequests.oneOf("mode", text, PartialRunMode::fromWireName);
    }

    static PartialRunResponse response(PartialRunDetails details) {
        var run = details.run();
        var cycle = details.cycle();
        return new PartialRunResponse(run.flowId().value(), run.id().value(), cycle.number().value(),
                run.trigger().value(), run.mode().wireName(), run.nodes().stream().map(NodeId::value).toList(),
                run.inputs().stream().map(i -> new PartialRunInputResponse(i.node().value(), i.handle().value(),
                        i.payload())).toList(),
                cycle.status().wireName(), cycle.startTime(), cycle.endTime(),
                ExecutionMapper.statistics(new CycleDetails(cycle, details.tasks())),
                ExecutionMapper.tasks(details.tasks()));
    }
}
