package io.weatherstation.execution.application.port.in;

import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;

/**
 * Accepts a signal from the bus: checks that its cycle, target node and handle exist, records it
 * in the target's inbox and dispatches the target once every input is in. Duplicates are harmless.
 */
public interface ReceiveSignalUseCase {

    void receive(SignalRoute route, Signal signal);
}
