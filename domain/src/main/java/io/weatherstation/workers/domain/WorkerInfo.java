package io.weatherstation.workers.domain;

import io.weatherstation.shared.domain.WorkerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A live station instance as the worker registry knows it ({@code workers:{worker_id}}).
 *
 * @param apiUrl         where the instance's HTTP API answers
 * @param supportedNodes node types it can run
 * @param status         {@code active} or {@code draining} (shutting down)
 */
public record WorkerInfo(WorkerId id, String apiUrl, List<String> supportedNodes, String status,
        Instant startedAt, Instant lastHeartbeat) {

    public WorkerInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(apiUrl, "apiUrl");
        supportedNodes = List.copyOf(supportedNodes);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    }

    public WorkerInfo heartbeat(Instant at) {
        return new WorkerInfo(id, apiUrl, supportedNodes, status, startedAt, at);
    }
}
