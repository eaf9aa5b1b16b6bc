package io.weatherstation.workers.application;

import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.workers.application.port.in.QueryWorkersUseCase;
import io.weatherstation.workers.application.port.out.WorkerDirectory;
import io.weatherstation.workers.domain.WorkerInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Registers this instance as a worker, keeps its heartbeat, and lists live workers. */
public final class WorkerService implements QueryWorkersUseCase {

    private final WorkerDirectory directory;
    private final Clock clock;
    private volatile WorkerInfo self;

    public WorkerService(WorkerDirectory directory, WorkerId id, String apiUrl, List<String> supportedNodes, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        Instant now = clock.instant();
        this.self = new WorkerInfo(id, apiUrl, supportedNodes, "active", now, now);
    }

    /** Registers this worker; call again every heartbeat interval. */
    public void heartbeat() {
        self = self.heartbeat(clock.instant());
        directory.heartbeat(self);
    }

    /** Graceful shutdown: the worker leaves the registry at once. */
    public void leave() {
        directory.remove(self.id());
    }

    public WorkerInfo self() {
        return self;
    }

    @Override
    public List<WorkerInfo> liveWorkers() {
        return directory.live();
    }
}
