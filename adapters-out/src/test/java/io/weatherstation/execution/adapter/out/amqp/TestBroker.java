package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.testing.infra.RabbitEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The test's own view of the broker (from {@link TestInfrastructure}) and a namespace of names for
 * one test: every exchange and queue of the transport gets a unique prefix, so tests never meet
 * other tests, other engineers' runs or a station on the same broker, and {@link #close()}
 * deletes everything the namespace created.
 */
final class TestBroker implements AutoCloseable {

    final RabbitEndpoint endpoint = TestInfrastructure.rabbit();
    final CachingConnectionFactory connectionFactory;
    final RabbitAdmin admin;
    final RabbitTemplate template;
    final String prefix = "test." + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".";
    private final List<String> extraQueues = new ArrayList<>();

    TestBroker() {
        connectionFactory = new CachingConnectionFactory(endpoint.host(), endpoint.port());
        connectionFactory.setUsername(endpoint.user());
        connectionFactory.setPassword(endpoint.password());
        admin = new RabbitAdmin(connectionFactory);
        template = new RabbitTemplate(connectionFactory);
    }

    /** Spring properties of a station in this namespace: broker, confirms, names, quick retries. */
    Map<String, String> stationProperties() {
        Map<String, String> properties = new LinkedHashMap<>(endpoint.springProperties());
        properties.put("station.mode", "distributed");
        properties.put("spring.rabbitmq.publisher-confirm-type", "correlated");
        properties.put("spring.rabbitmq.publisher-returns", "true");
        properties.put("station.amqp.signals-exchange", name("signals_exchange"));
        properties.put("station.amqp.signals-queue", name("station.signals"));
        properties.put("station.amqp.signals-dead-queue", name("station.signals.dead"));
        properties.put("station.amqp.stop-queue-prefix", name("station.stops."));
        properties.put("station.amqp.tasks-exchange", name("station.tasks"));
        properties.put("station.amqp.task-queue-prefix", name("station.tasks."));
        properties.put("station.amqp.tasks-dead-queue", name("station.tasks.dead"));
        properties.put("station.amqp.retry-exchange", name("station.tasks.retry"));
        properties.put("station.amqp.retry-queue-prefix", name("station.tasks.retry."));
        properties.put("station.amqp.dead-letter-exchange", name("station.dead-letter"));
        properties.put("station.amqp.delivery-limit", "2");
        properties.put("station.amqp.redelivery-backoff", "20ms");
        properties.put("station.amqp.max-redelivery-backoff", "100ms");
        properties.put("station.amqp.confirm-timeout", "5s");
        properties.put("station.amqp.publish-attempts", "2");
        properties.put("station.amqp.publish-retry-pause", "20ms");
        return properties;
    }

    String[] stationPropertyPairs() {
        return stationProperties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    String name(String name) {
        return prefix + name;
    }

    /** A queue created by the test itself (or by the station on demand), deleted on close. */
    String track(String queue) {
        extraQueues.add(queue);
        return queue;
    }

    @Override
    public void close() {
        try {
            for (String queue : List.of("station.signals", "station.signals.dead", "station.tasks.dead",
                    "station.tasks." + StationContexts.NODE_TYPE)) {
                admin.deleteQueue(name(queue));
            }
            extraQueues.forEach(admin::deleteQueue);
            for (String exchange : List.of("signals_exchange", "station.tasks", "station.tasks.retry", "station.dead-letter")) {
                admin.deleteExchange(name(exchange));
            }
        } finally {
            connectionFactory.destroy();
        }
    }
}
