package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.domain.NodeTask;

/** A user's request to terminate one node task. */
public interface StopNodeTaskUseCase {

    /**
     * Terminates the task (at once when it is not running; a running task observes the request
     * and ends terminated). Returns the task as it is after the request.
     *
     * @throws NodeTaskNotFoundException when no task has that id
     */
    NodeTask stop(String nodeTaskId, String reason);
}
