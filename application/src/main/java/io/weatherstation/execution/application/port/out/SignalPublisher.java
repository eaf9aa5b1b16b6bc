package io.weatherstation.execution.application.port.out;

import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import io.weatherstation.signaling.domain.StopRoute;

/**
 * Sends signals on the signal bus ({@code signals_exchange} in the distributed mode). Every
 * signal reaches the engine's consumer and every observer bound to the bus.
 */
public interface SignalPublisher {

    void publish(SignalRoute route, Signal signal);

    void publishStop(StopRoute route, Signal stop);
}
