package io.weatherstation.api.controls;

import io.weatherstation.WeatherStationApplication;
import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.testing.infra.PostgresEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Whole stations in the distributed profile, side by side in this JVM like instances on several
 * machines: one Redis key prefix, one set of RabbitMQ names and one PostgreSQL schema of their
 * own, shared by the instances and deleted by {@link #close()}, so nothing meets other tests or
 * other builds on the same services.
 */
final class DistributedStations implements AutoCloseable {

    private static final PostgresEndpoint POSTGRES = TestInfrastructure.postgres();

    private final String namespace = "ctl" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    /** Starts one more instance and returns its HTTP port. */
    int start() {
        Map<String, Object> properties = new LinkedHashMap<>();
        TestInfrastructure.redis().springProperties().forEach(properties::put);
        TestInfrastructure.rabbit().springProperties().forEach(properties::put);
        POSTGRES.springProperties().forEach(properties::put);
        properties.put("spring.datasource.hikari.schema", namespace);
        properties.put("spring.flyway.schemas", namespace);
        properties.put("server.port", "0");
        properties.put("station.worker-id", namespace + "-" + instances.size());
        properties.put("station.redis.key-prefix", namespace + ":");
        for (String name : List.of("signals-exchange", "signals-queue", "signals-dead-queue", "stop-queue-prefix",
                "tasks-exchange", "task-queue-prefix", "tasks-dead-queue", "retry-exchange", "retry-queue-prefix",
                "dead-letter-exchange")) {
            properties.put("station.amqp." + name, namespace + "." + name + (name.endsWith("prefix") ? "." : ""));
        }
        // As command-line arguments: they win over application.yml (default properties would not).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WeatherStationApplication.class)
                .profiles("distributed")
                .run(arguments);
        instances.add(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Stops every instance, as a restart of the whole deployment does, and starts as many new ones;
     * Redis, the broker and the database keep their state. Returns the new instances' ports.
     */
    List<Integer> restartAll() {
        int count = instances.size();
        for (ConfigurableApplicationContext instance : instances) {
            instance.close();
        }
        instances.clear();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(start());
        }
        return ports;
    }

    @Override
    public void close() throws Exception {
        if (instances.isEmpty()) {
            dropSchema();
            return;
        }
        ConfigurableApplicationContext first = instances.getFirst();
        StringRedisTemplate redis = first.getBean(StringRedisTemplate.class);
        AmqpAdmin admin = first.getBean(AmqpAdmin.class);
        List<String> nodeTypes = first.getBean(NodeRegistry.class).all().stream().map(NodeTypeDescriptor::type).toList();
        for (int i = instances.size() - 1; i > 0; i--) {
            instances.get(i).close();
        }
        try {
            List<String> keys = new ArrayList<>();
            try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(namespace + ":*").count(1000).build())) {
                cursor.forEachRemaining(keys::add);
            }
            if (!keys.isEmpty()) {
                redis.delete(keys);
            }
            nodeTypes.forEach(type -> admin.deleteQueue(namespace + ".task-queue-prefix." + type));
            for (String queue : List.of("signals-queue", "signals-dead-queue", "tasks-dead-queue")) {
                admin.deleteQueue(namespace + "." + queue);
            }
            for (String exchange : List.of("signals-exchange", "tasks-exchange", "retry-exchange", "dead-letter-exchange")) {
                admin.deleteExchange(namespace + "." + exchange);
            }
        } finally {
            first.close();
            dropSchema();
        }
    }

    /** The journal's schema (also after a start-up that failed once Flyway had created it). */
    private void dropSchema() throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES.jdbcUrl(), POSTGRES.user(),
                POSTGRES.password()); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + namespace + "\" cascade");
        }
    }
}
