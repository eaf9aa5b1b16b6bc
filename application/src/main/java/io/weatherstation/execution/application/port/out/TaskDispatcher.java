package io.weatherstation.execution.application.port.out;

import java.time.Duration;

/**
 * Hands ready tasks to a worker that supports their node type. Delivery is at least once: a task
 * whose worker dies is handed out again; the runner makes repeated deliveries harmless.
 */
public interface TaskDispatcher {

    void dispatch(TaskAssignment assignment);

    /** Dispatches after {@code delay} (retry backoff). */
    void dispatchAfter(TaskAssignment assignment, Duration delay);
}
