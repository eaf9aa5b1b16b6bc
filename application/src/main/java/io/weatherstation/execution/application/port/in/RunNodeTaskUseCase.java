package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.application.port.out.TaskAssignment;

/**
 * Runs a dispatched task on this worker. Safe to call again for the same task: a task that is
 * not pending any more (finished, or taken by another delivery) is left alone.
 */
public interface RunNodeTaskUseCase {

    void run(TaskAssignment assignment);
}
