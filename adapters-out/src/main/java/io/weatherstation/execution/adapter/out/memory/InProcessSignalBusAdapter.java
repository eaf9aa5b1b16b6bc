package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.in.ReceiveSignalUseCase;
import io.weatherstation.execution.application.port.out.SignalPublisher;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import io.weatherstation.signaling.domain.StopRoute;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded signal bus: a published signal is handed straight to the engine's consumer on the
 * publishing thread, so nothing can be published before its consumer exists. Stop broadcasts
 * need no consumer here: the engine applied the stop before publishing it.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InProcessSignalBusAdapter implements SignalPublisher {

    private final ObjectProvider<ReceiveSignalUseCase> receiver;
    private volatile ReceiveSignalUseCase resolved;

    InProcessSignalBusAdapter(ObjectProvider<ReceiveSignalUseCase> receiver) {
        this.receiver = receiver;
    }

    @Override
    public void publish(SignalRoute route, Signal signal) {
        ReceiveSignalUseCase target = resolved;
        if (target == null) {
            target = receiver.getObject();
            resolved = target;
        }
        target.receive(route, signal);
    }

    @Override
    public void publishStop(StopRoute route, Signal stop) {
        // Applied by the engine already; observers of the embedded bus come with the event stream.
    }
}
