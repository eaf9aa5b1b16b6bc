package io.weatherstation.journal;

import io.weatherstation.testing.infra.RedisEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Deletes a test's Redis keys — those under its own prefix, and only them. */
final class RedisTestKeys implements AutoCloseable {

    private final String prefix;
    private final LettuceConnectionFactory factory;

    RedisTestKeys(String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("a test's keys need a prefix of their own");
        }
        this.prefix = prefix;
        RedisEndpoint redis = TestInfrastructure.redis();
        this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        factory.afterPropertiesSet();
        factory.start();
    }

    void deleteAll() {
        StringRedisTemplate template = new StringRedisTemplate(factory);
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = template.scan(ScanOptions.scanOptions().match(prefix + "*").count(1_000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        if (!keys.isEmpty()) {
            template.delete(keys);
        }
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
