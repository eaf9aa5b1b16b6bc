package io.weatherstation.testing.infra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A Redis server the tests may use (no authentication). */
public record RedisEndpoint(String host, int port) {

    public RedisEndpoint {
        Objects.requireNonNull(host, "host");
        Ports.requireValid(port);
    }

    /** {@code spring.data.redis.*} pointing at this server. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.host", host);
        properties.put("spring.data.redis.port", Integer.toString(port));
        return Collections.unmodifiableMap(properties);
    }
}
