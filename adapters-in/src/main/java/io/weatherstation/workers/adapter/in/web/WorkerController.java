package io.weatherstation.workers.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.workers.application.port.in.QueryWorkersUseCase;
import io.weatherstation.workers.domain.WorkerInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the live workers: every station instance is one. */
@RestController
@RequestMapping("/api/v1/workers")
@Tag(name = "Workers", description = "Live station instances, their node types and heartbeats")
class WorkerController {

    private final QueryWorkersUseCase workers;

    WorkerController(QueryWorkersUseCase workers) {
        this.workers = workers;
    }

    @GetMapping
    @Operation(summary = "List the live workers")
    WorkerListResponse list() {
        return new WorkerListResponse(workers.liveWorkers().stream()
                .sorted(Comparator.comparing(WorkerInfo::id))
                .map(WorkerResponse::of)
                .toList());
    }

    record WorkerListResponse(List<WorkerResponse> workers) {
    }

    record WorkerResponse(String id, @JsonProperty("api_url") String apiUrl,
            @JsonProperty("supported_nodes") List<String> supportedNodes, String status,
            @JsonProperty("started_at") Instant startedAt, @JsonProperty("last_heartbeat") Instant lastHeartbeat) {

        static WorkerResponse of(WorkerInfo worker) {
            return new WorkerResponse(worker.id().value(), worker.apiUrl(), worker.supportedNodes(), worker.status(),
                    worker.startedAt(), worker.lastHeartbeat());
        }
    }
}
