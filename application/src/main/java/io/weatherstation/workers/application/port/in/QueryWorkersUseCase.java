package io.weatherstation.workers.application.port.in;

import io.weatherstation.workers.domain.WorkerInfo;
import java.util.List;

/** Live workers with the node types they support and their last heartbeat. */
public interface QueryWorkersUseCase {

    List<WorkerInfo> liveWorkers();
}
