package io.weatherstation.execution.adapter.in.web;

import io.weatherstation.execution.application.port.in.PauseExecutionUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.CycleSummaryResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.FlowDetailsResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.FlowStatusResponse;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase.CycleDetails;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.SecretParameters;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One flow as a whole: its definition and latest cycle, and its comprehensive status. */
@RestController
@RequestMapping("/api/v1/flows/{flowId}")
@Tag(name = "Flows")
class FlowStatusController {

    private final QueryFlowsUseCase flows;
    private final QueryExecutionUseCase executions;
    private final NodeTypeCatalog catalog;
    private final PauseExecutionUseCase pauses;

    FlowStatusController(QueryFlowsUseCase flows, QueryExecutionUseCase executions, NodeTypeCatalog catalog,
            PauseExecutionUseCase pauses) {
        this.flows = flows;
        this.executions = executions;
        this.catalog = catalog;
        this.pauses = pauses;
    }

    @GetMapping
    @Operation(summary = "One flow: its definition (secret parameters masked), structure, status and current cycle")
    FlowDetailsResponse flow(@PathVariable FlowId flowId) {
        Flow flow = Lookups.flow(flows, flowId);
        CycleSummaryResponse current = latestCycle(flow).map(CycleDetails::cycle).map(ExecutionMapper::summary).orElse(null);
        return new FlowDetailsResponse(flow.id().value(), name(flow), flow.status().code(),
                SecretParameters.mask(flow.definitionJson(), catalog), flow.structure().toDocument(),
                flow.definitionVersion(), flow.lastCycle().map(CycleNumber::value).orElse(null),
                flow.nextExecution().orElse(null), flow.createdAt(), flow.updatedAt(), current, pauses(flowId));
    }

    @GetMapping("/status")
    @Operation(summary = "Comprehensive status: the flow, one cycle (the latest unless given), task statistics "
            + "and every node's task")
    FlowStatusResponse status(@PathVariable FlowId flowId,
            @Parameter(description = "cycle number; the latest when absent")
            @RequestParam(name = "cycle", required = false) @Nullable CycleNumber cycle) {
        Flow flow = Lookups.flow(flows, flowId);
        Optional<CycleDetails> details = cycle == null
                ? latestCycle(flow)
                : Optional.of(executions.cycle(flowId, cycle).orElseThrow(() -> Lookups.cycleNotFound(flowId, cycle)));
        Long lastCycle = flow.lastCycle().map(CycleNumber::value).orElse(null);
        if (details.isEmpty()) {
            return new FlowStatusResponse(flow.id().value(), flow.status().code(), lastCycle,
                    flow.nextExecution().orElse(null), null, null, null, null, false, List.of(),
                    ExecutionMapper.noStatistics(), List.of(), pauses(flowId));
        }
        Cycle shown = details.get().cycle();
        return new FlowStatusResponse(flow.id().value(), flow.status().code(), lastCycle,
                flow.nextExecution().orElse(null), shown.number().value(), shown.status().wireName(),
                shown.startTime(), shown.endTime(), shown.terminationRequested(), ExecutionMapper.componentStops(shown),
                ExecutionMapper.statistics(details.get()), ExecutionMapper.tasks(details.get().tasks()), pauses(flowId));
    }

    /** The pauses in force on the flow (empty when nothing is paused). */
    private List<ControlResponses.PauseResponse> pauses(FlowId flowId) {
        return pauses.pauses(flowId).state().pauses().stream().map(PauseController::pause).toList();
    }

    /** The last cycle claimed, or the newest one stored when that one is not (yet, or any more) there. */
    private Optional<CycleDetails> latestCycle(Flow flow) {
        Optional<CycleDetails> last = flow.lastCycle().flatMap(n -> executions.cycle(flow.id(), n));
        if (last.isPresent()) {
            return last;
        }
        return executions.cycles(flow.id(), 1).stream().findFirst()
                .flatMap(c -> executions.cycle(flow.id(), c.number()));
    }

    private static @Nullable String name(Flow flow) {
        return flow.definitionJson().get("name") instanceof String name ? name : null;
    }
}
