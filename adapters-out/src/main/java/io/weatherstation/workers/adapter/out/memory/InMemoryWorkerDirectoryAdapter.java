package io.weatherstation.workers.adapter.out.memory;

import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.workers.application.port.out.WorkerDirectory;
import io.weatherstation.workers.domain.WorkerInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Workers in memory; an entry without a heartbeat for 60 s is no longer live. */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryWorkerDirectoryAdapter implements WorkerDirectory {

    static final Duration TTL = Duration.ofSeconds(60);

    private final Clock clock;
    private final Map<WorkerId, WorkerInfo> workers = new ConcurrentHashMap<>();

    InMemoryWorkerDirectoryAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void heartbeat(WorkerInfo worker) {
        workers.put(worker.id(), worker);
    }

    @Override
    public void remove(WorkerId worker) {
        workers.remove(worker);
    }

    @Override
    public List<WorkerInfo> live() {
        var cutoff = clock.instant().minus(TTL);
        workers.values().removeIf(w -> w.lastHeartbeat().isBefore(cutoff));
        return workers.values().stream().sorted(Comparator.comparing(w -> w.id().value())).toList();
    }
}
