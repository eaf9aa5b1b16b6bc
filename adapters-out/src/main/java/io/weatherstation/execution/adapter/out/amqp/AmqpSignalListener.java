package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.execution.application.port.in.ReceiveSignalUseCase;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Consumes the shared signal queue: hands each data signal to the engine's inbox and acknowledges
 * it once the inbox has it. Redelivery is harmless, the inbox is idempotent.
 */
final class AmqpSignalListener extends ManualAckListener {

    private final ObjectProvider<ReceiveSignalUseCase> receiver;

    AmqpSignalListener(ObjectProvider<ReceiveSignalUseCase> receiver, Executor executor, Duration backoff,
            Duration maxBackoff) {
        super(executor, backoff, maxBackoff);
        this.receiver = receiver;
    }

    @Override
    Runnable decode(Message message) {
        SignalRoute route = SignalRoute.parse(message.getMessageProperties().getReceivedRoutingKey());
        Signal signal = SignalMessages.fromMessage(message);
        return () -> receiver.getObject().receive(route, signal);
    }

    @Override
    String describe(Message message) {
        return "signal " + message.getMessageProperties().getReceivedRoutingKey();
    }
}
