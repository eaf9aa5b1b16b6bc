package io.weatherstation.execution.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.CycleListResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.CycleResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.CycleStartedResponse;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase;
import io.weatherstation.execution.application.port.in.RunCycleNowUseCase;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.shared.adapter.in.web.RequestParameters;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cycles of a flow: run one now, list them, read one with its node tasks. */
@RestController
@RequestMapping("/api/v1/flows/{flowId}/cycles")
@Tag(name = "Cycles", description = "Runs of a flow and their node tasks")
class CycleController {

    private static final int DEFAULT_LIMIT = 20;

    private final RunCycleNowUseCase runNow;
    private final QueryExecutionUseCase executions;
    private final QueryFlowsUseCase flows;

    CycleController(RunCycleNowUseCase runNow, QueryExecutionUseCase executions, QueryFlowsUseCase flows) {
        this.runNow = runNow;
        this.executions = executions;
        this.flows = flows;
    }

    @PostMapping
    @Operation(summary = "Run one cycle now, outside the schedule",
            description = "Takes the next cycle number. 409 cycle_refused when max_concurrent_cycles cycles still run.")
    @ApiResponse(responseCode = "202", description = "the cycle started; follow it at the Location")
    ResponseEntity<CycleStartedResponse> run(@PathVariable FlowId flowId) {
        CycleNumber cycle = runNow.runNow(flowId);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/flows/" + flowId.value() + "/cycles/" + cycle.value()))
                .body(new CycleStartedResponse(flowId.value(), cycle.value()));
    }

    @GetMapping
    @Operation(summary = "Recent cycles, newest first")
    CycleListResponse list(@PathVariable FlowId flowId,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit) {
        int checked = RequestParameters.limit(limit, DEFAULT_LIMIT);
        Lookups.flow(flows, flowId);
        return new CycleListResponse(flowId.value(),
                executions.cycles(flowId, checked).stream().map(ExecutionMapper::summary).toList());
    }

    @GetMapping("/{cycle}")
    @Operation(summary = "One cycle with every node task")
    CycleResponse cycle(@PathVariable FlowId flowId, @PathVariable CycleNumber cycle) {
        Lookups.flow(flows, flowId);
        return executions.cycle(flowId, cycle).map(ExecutionMapper::cycle)
                .orElseThrow(() -> Lookups.cycleNotFound(flowId, cycle));
    }
}
