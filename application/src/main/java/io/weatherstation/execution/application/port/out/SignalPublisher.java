package io.weatherstation.execution.application.port.out;

import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import io.weatherstation.signaling.domain.StopRoute;
import java.util.List;

/**
 * Sends signals on the signal bus ({@code signals_exchange} in the distributed mode). Every
 * signal reaches the engine's consumer and every observer bound to the bus.
 */
public interface SignalPublisher {

    void publish(SignalRoute route, Signal signal);

    void publishStop(StopRoute route, Signal stop);

    /**
     * Sends several signals and returns once every one of them is on the bus, like
     * {@link #publish} for each; a transport may send them together and wait for them together
     * (one round of publisher confirms instead of one per signal). By default they are published
     * one after another, in order.
     *
     * @throws RuntimeException as {@link #publish} does, when some signal could not be sent
     */
    default void publishAll(List<Outgoing> signals) {
        for (Outgoing outgoing : signals) {
            publish(outgoing.route(), outgoing.signal());
        }
    }

    /** A signal and the route it is sent on. */
    record Outgoing(SignalRoute route, Signal signal) {
    }
}
