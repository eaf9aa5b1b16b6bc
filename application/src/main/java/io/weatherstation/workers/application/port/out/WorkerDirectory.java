package io.weatherstation.workers.application.port.out;

import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.workers.domain.WorkerInfo;
import java.util.List;

/** Registered workers; a worker that stops sending heartbeats drops out by itself. */
public interface WorkerDirectory {

    /** Registers or refreshes the worker (its entry expires without further heartbeats). */
    void heartbeat(WorkerInfo worker);

    void remove(WorkerId worker);

    /** Workers whose registration has not expired. */
    List<WorkerInfo> live();
}
