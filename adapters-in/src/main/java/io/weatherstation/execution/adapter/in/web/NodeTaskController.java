package io.weatherstation.execution.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.NodeTaskResponse;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase;
import io.weatherstation.execution.application.port.in.NodeTaskNotFoundException;
import io.weatherstation.execution.application.port.in.StopNodeTaskUseCase;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One node task, by its display id {@code {flow_id}_{cycle}_{node_id}}. */
@RestController
@RequestMapping("/api/v1/node-tasks/{nodeTaskId}")
@Tag(name = "Node tasks", description = "Executions of one node in one cycle")
class NodeTaskController {

    static final String STOP_REASON = "stopped by user request";

    private final QueryExecutionUseCase executions;
    private final StopNodeTaskUseCase stop;

    NodeTaskController(QueryExecutionUseCase executions, StopNodeTaskUseCase stop) {
        this.executions = executions;
        this.stop = stop;
    }

    @GetMapping
    @Operation(summary = "One node task")
    NodeTaskResponse task(@PathVariable String nodeTaskId) {
        String id = Lookups.nodeTaskId(nodeTaskId);
        return executions.task(id).map(ExecutionMapper::task).orElseThrow(() -> new NodeTaskNotFoundException(id));
    }

    @PostMapping("/stop")
    @Operation(summary = "Ask a node task to terminate",
            description = "A task that has not started is terminated at once; a running one observes the request "
                    + "and ends terminated. Returns the task as it is after the request.")
    @ApiResponse(responseCode = "202", description = "the request was recorded")
    ResponseEntity<NodeTaskResponse> stop(@PathVariable String nodeTaskId) {
        String id = Lookups.nodeTaskId(nodeTaskId);
        return ResponseEntity.accepted().body(ExecutionMapper.task(stop.stop(id, STOP_REASON)));
    }
}
