package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.execution.application.port.out.SignalPublisher;
import io.weatherstation.signaling.domain.RoutingKey;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import io.weatherstation.signaling.domain.StopRoute;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Publishes signals on {@code signals_exchange} with the routing keys of SPEC §7 and waits for
 * the broker's confirm. A data signal always has a queue (the station's shared signal queue is
 * bound to every data key), so it waits there until some instance consumes it. A stop is a
 * broadcast: every instance's stop queue and every observer bound to the flow gets a copy.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class AmqpSignalPublisherAdapter implements SignalPublisher {

    private final ConfirmedPublisher publisher;
    private final String exchange;

    AmqpSignalPublisherAdapter(ConfirmedPublisher publisher, AmqpTopology topology) {
        this.publisher = publisher;
        this.exchange = topology.properties().signalsExchange();
    }

    @Override
    public void publish(SignalRoute route, Signal signal) {
        publisher.send(exchange, keyOf(route), SignalMessages.toMessage(signal), true);
    }

    /** All the signals are published before the first confirm is awaited (ADR 0010). */
    @Override
    public void publishAll(List<Outgoing> signals) {
        List<ConfirmedPublisher.Outgoing> messages = new ArrayList<>(signals.size());
        for (Outgoing outgoing : signals) {
            messages.add(new ConfirmedPublisher.Outgoing(keyOf(outgoing.route()),
                    SignalMessages.toMessage(outgoing.signal())));
        }
        publisher.sendAll(exchange, messages);
    }

    @Override
    public void publishStop(StopRoute route, Signal stop) {
        publisher.send(exchange, keyOf(route), SignalMessages.toMessage(stop), false);
    }

    private static String keyOf(RoutingKey route) {
        if (!route.fitsAmqpLimit()) {
            throw new AmqpPublishException("routing key longer than " + RoutingKey.AMQP_MAX_LENGTH
                    + " bytes, which AMQP cannot carry: " + route.routingKey());
        }
        return route.routingKey();
    }
}
