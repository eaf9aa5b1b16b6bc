package io.weatherstation.distributed;

import io.weatherstation.testing.infra.PostgresEndpoint;
import io.weatherstation.testing.infra.RabbitEndpoint;
import io.weatherstation.testing.infra.RedisEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The shared infrastructure of one or more distributed station instances under test, kept apart
 * from every other test and run on the same services: a Redis key prefix, RabbitMQ exchange and
 * queue names and a PostgreSQL schema of its own. Instances given the same namespace share their
 * flows, exactly as production instances pointed at the same services do. {@link #close()}
 * deletes the keys, queues, exchanges and schema.
 */
public final class StationNamespace implements AutoCloseable {

    private final String id;
    private final RedisEndpoint redis = TestInfrastructure.redis();
    private final RabbitEndpoint rabbit = TestInfrastructure.rabbit();
    private final PostgresEndpoint postgres = TestInfrastructure.postgres();
    private final Set<String> nodeTypes = new LinkedHashSet<>();
    private final String secretsKey;

    private StationNamespace(String id) {
        this.id = id;
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        this.secretsKey = Base64.getEncoder().encodeToString(key);
    }

    public static StationNamespace create() {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return new StationNamespace(HexFormat.of().formatHex(random));
    }

    public String redisPrefix() {
        return "dist-" + id + ":";
    }

    public String schema() {
        return "station_it_" + id;
    }

    String amqp(String name) {
        return "dist." + id + "." + name;
    }

    /** Everything a station instance needs to run in the distributed profile within this namespace. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.putAll(redis.springProperties());
        properties.putAll(rabbit.springProperties());
        properties.putAll(postgres.springProperties());
        properties.put("station.redis.key-prefix", redisPrefix());
        // Every instance of the namespace reads the secret parameters the others sealed.
        properties.put("station.secrets.key", secretsKey);
        properties.put("spring.datasource.hikari.schema", schema());
        properties.put("spring.flyway.schemas", schema());
        properties.put("station.amqp.signals-exchange", amqp("signals_exchange"));
        properties.put("station.amqp.signals-queue", amqp("station.signals"));
        properties.put("station.amqp.signals-dead-queue", amqp("station.signals.dead"));
        properties.put("station.amqp.stop-queue-prefix", amqp("station.stops."));
        properties.put("station.amqp.tasks-exchange", amqp("station.tasks"));
        properties.put("station.amqp.task-queue-prefix", amqp("station.tasks."));
        properties.put("station.amqp.tasks-dead-queue", amqp("station.tasks.dead"));
        properties.put("station.amqp.retry-exchange", amqp("station.tasks.retry"));
        properties.put("station.amqp.retry-queue-prefix", amqp("station.tasks.retry."));
        properties.put("station.amqp.dead-letter-exchange", amqp("station.dead-letter"));
        // A task handed back by a failing handler comes back soon, not after seconds.
        properties.put("station.amqp.redelivery-backoff", "50ms");
        properties.put("station.amqp.max-redelivery-backoff", "500ms");
        return properties;
    }

    /** The node types whose task queues an instance of this namespace declared: deleted on close. */
    public void nodeTypes(Collection<String> types) {
        synchronized (nodeTypes) {
            nodeTypes.addAll(types);
        }
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        run(failures, this::deleteAmqp);
        run(failures, this::deleteRedisKeys);
        run(failures, this::dropSchema);
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("could not clean up namespace " + id);
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static void run(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private void deleteAmqp() {
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbit.host(), rabbit.port());
        factory.setUsername(rabbit.user());
        factory.setPassword(rabbit.password());
        try {
            RabbitAdmin admin = new RabbitAdmin(factory);
            List<String> queues = new ArrayList<>(List.of("station.signals", "station.signals.dead", "station.tasks.dead"));
            synchronized (nodeTypes) {
                nodeTypes.forEach(type -> queues.add("station.tasks." + type));
            }
            queues.forEach(queue -> admin.deleteQueue(amqp(queue)));
            // Retry queues (station.tasks.retry.{delay}) are deleted by the broker a minute after their last use.
            for (String exchange : List.of("signals_exchange", "station.tasks", "station.tasks.retry", "station.dead-letter")) {
                admin.deleteExchange(amqp(exchange));
            }
        } finally {
            factory.destroy();
        }
    }

    private void deleteRedisKeys() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            StringRedisTemplate template = new StringRedisTemplate(factory);
            List<String> keys = new ArrayList<>();
            try (Cursor<String> cursor = template.scan(ScanOptions.scanOptions().match(redisPrefix() + "*").count(1_000).build())) {
                cursor.forEachRemaining(keys::add);
            }
            if (!keys.isEmpty()) {
                template.delete(keys);
            }
        } finally {
            factory.destroy();
        }
    }

    private void dropSchema() {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + schema() + "\" cascade");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema(), e);
        }
    }
}
