package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.signaling.domain.Signal;
import java.util.Date;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/**
 * A signal on the wire (SPEC §6): body {@code {"signal_type", "payload", "timestamp"}}, JSON,
 * persistent, with a message id; the AMQP {@code type} and {@code timestamp} properties repeat the
 * signal's for tools that show properties only.
 */
final class SignalMessages {

    private SignalMessages() {
    }

    static Message toMessage(Signal signal) {
        MessageProperties properties = ConfirmedPublisher.jsonProperties();
        properties.setType(signal.type().name());
        properties.setTimestamp(Date.from(signal.timestamp()));
        return new Message(AmqpJson.write(signal.toDocument()), properties);
    }

    /**
     * @throws IllegalArgumentException when the body is not JSON or not a signal document
     *                                  ({@link io.weatherstation.signaling.domain.MalformedSignalException}
     *                                  is one)
     */
    static Signal fromMessage(Message message) {
        return Signal.fromDocument(AmqpJson.readObject(message.getBody()));
    }
}
