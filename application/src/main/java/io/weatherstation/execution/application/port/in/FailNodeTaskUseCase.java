package io.weatherstation.execution.application.port.in;

import io.weatherstation.shared.domain.NodeTaskId;

/**
 * Fails a dispatched task that the transport gave up delivering (its deliveries kept dying, e.g.
 * it crashed every worker that took it). The task ends {@code failed} with {@code reason}, the
 * nodes downstream of it are skipped and its cycle finishes as usual. A task that already
 * finished, or whose cycle is over, is left alone.
 */
public interface FailNodeTaskUseCase {

    void fail(NodeTaskId task, String reason);
}
