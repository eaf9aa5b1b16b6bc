package io.weatherstation.execution.application.port.in;

import io.weatherstation.shared.domain.NodeTaskId;

/**
 * Fails a task that still waits for its inputs when one of them can never arrive: the transport
 * gave up delivering a signal to it (its deliveries kept failing, or it could not be read). The
 * task ends {@code failed} with {@code reason}, the nodes downstream of it are skipped and its
 * cycle finishes as usual. A task that is already ready, running or finished is left alone (it
 * did not need the lost signal), as is a task whose cycle is over.
 */
public interface FailWaitingNodeTaskUseCase {

    void failWaiting(NodeTaskId task, String reason);
}
