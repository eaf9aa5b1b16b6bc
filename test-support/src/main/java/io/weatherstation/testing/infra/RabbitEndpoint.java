package io.weatherstation.testing.infra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A RabbitMQ broker the tests may use, by its AMQP port. */
public record RabbitEndpoint(String host, int port, String user, String password) {

    public RabbitEndpoint {
        Objects.requireNonNull(host, "host");
        Ports.requireValid(port);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** {@code spring.rabbitmq.*} pointing at this broker. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.rabbitmq.host", host);
        properties.put("spring.rabbitmq.port", Integer.toString(port));
        properties.put("spring.rabbitmq.username", user);
        properties.put("spring.rabbitmq.password", password);
        return Collections.unmodifiableMap(properties);
    }
}
