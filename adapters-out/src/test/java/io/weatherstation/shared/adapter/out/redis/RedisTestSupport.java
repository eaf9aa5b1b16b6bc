package io.weatherstation.shared.adapter.out.redis;

import io.weatherstation.testing.infra.RedisEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The real Redis the adapter tests use (from {@link TestInfrastructure}), and a key prefix of
 * their own per test, so tests running at the same time — here or in another worktree — never
 * see each other's keys. {@link #close()} deletes this prefix's keys, and only them.
 */
public final class RedisTestSupport implements AutoCloseable {

    private static volatile LettuceConnectionFactory shared;

    private final RedisKeyspace keyspace;
    private final StringRedisTemplate template;

    private RedisTestSupport(RedisKeyspace keyspace, StringRedisTemplate template) {
        this.keyspace = keyspace;
        this.template = template;
    }

    /** A fresh, unique prefix on the shared connection. */
    public static RedisTestSupport open() {
        return new RedisTestSupport(
                RedisKeyspace.withPrefix("test-" + UUID.randomUUID().toString().substring(0, 13) + ":"),
                new StringRedisTemplate(sharedFactory()));
    }

    /** One connection factory per JVM; each test class uses it through its own prefix. */
    public static LettuceConnectionFactory sharedFactory() {
        LettuceConnectionFactory factory = shared;
        if (factory == null) {
            synchronized (RedisTestSupport.class) {
                factory = shared;
                if (factory == null) {
                    factory = newFactory();
                    shared = factory;
                }
            }
        }
        return factory;
    }

    /** A connection factory of its own: what a second station instance would have. Close it after use. */
    public static LettuceConnectionFactory newFactory() {
        RedisEndpoint redis = TestInfrastructure.redis();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    public RedisKeyspace keyspace() {
        return keyspace;
    }

    public StringRedisTemplate template() {
        return template;
    }

    /** A template on another connection (another "instance"), same prefix. */
    public StringRedisTemplate templateOn(LettuceConnectionFactory factory) {
        return new StringRedisTemplate(factory);
    }

    /** Every key under this test's prefix. */
    public List<String> keys() {
        List<String> found = new ArrayList<>();
        try (Cursor<String> cursor = template.scan(ScanOptions.scanOptions().match(keyspace.prefix() + "*").count(1_000).build())) {
            cursor.forEachRemaining(found::add);
        }
        return found;
    }

    /** Deletes every key under this test's prefix. */
    @Override
    public void close() {
        List<String> found = keys();
        if (!found.isEmpty()) {
            template.delete(found);
        }
    }
}
