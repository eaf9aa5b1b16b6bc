package io.weatherstation.benchmarks;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.weatherstation.WeatherStationApplication;
import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.execution.application.ExecutionService;
import io.weatherstation.flow.application.FlowService;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A station started in-process in one profile, exactly as {@code ./station} would start it, plus
 * what a benchmark run needs to stay apart from everything else on the same machine: in the
 * distributed mode a Redis key prefix, RabbitMQ names and a PostgreSQL schema of its own, all
 * removed again by {@link #close()}.
 */
final class BenchStation implements AutoCloseable {

    /** The station's own AMQP names (station.amqp.*) and their defaults, each given the run's prefix. */
    private static final Map<String, String> AMQP_NAMES = Map.ofEntries(
            Map.entry("signals-exchange", "signals_exchange"),
            Map.entry("signals-queue", "station.signals"),
            Map.entry("signals-dead-queue", "station.signals.dead"),
            Map.entry("stop-queue-prefix", "station.stops."),
            Map.entry("tasks-exchange", "station.tasks"),
            Map.entry("task-queue-prefix", "station.tasks."),
            Map.entry("tasks-dead-queue", "station.tasks.dead"),
            Map.entry("retry-exchange", "station.tasks.retry"),
            Map.entry("retry-queue-prefix", "station.tasks.retry."),
            Map.entry("dead-letter-exchange", "station.dead-letter"));

    final String mode;
    final String runId;
    final ConfigurableApplicationContext context;
    final FlowService flows;
    final ExecutionService execution;
    private final Environment environment;
    private final List<String> nodeTypes;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Cleans up after an interrupted run (Ctrl-C) too. */
    private final Thread cleanupOnExit = new Thread(this::closeOnce, "bench-cleanup");

    private BenchStation(String mode, String runId, ConfigurableApplicationContext context) {
        this.mode = mode;
        this.runId = runId;
        this.context = context;
        this.flows = context.getBean(FlowService.class);
        this.execution = context.getBean(ExecutionService.class);
        this.environment = context.getEnvironment();
        this.nodeTypes = List.copyOf(context.getBean(NodeRegistry.class).typeNames());
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    static BenchStation start(String mode) {
        String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.springdoc", "ERROR");
        properties.put("logging.level.org.jooq", "ERROR");
        properties.put("station.worker-id", "bench-" + runId);
        if (mode.equals("distributed")) {
            properties.putAll(isolation(runId));
        }
        // Given as command-line arguments: they win over the profile's application-*.yml (default
        // properties would not, and the run would share the unprefixed Redis keyspace).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WeatherStationApplication.class)
                .profiles(mode)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(arguments);
        return new BenchStation(mode, runId, context);
    }

    /** A Redis key prefix, AMQP names and a PostgreSQL schema that belong to this run only. */
    static Map<String, String> isolation(String runId) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("station.redis.key-prefix", "bench-" + runId + ":");
        AMQP_NAMES.forEach((name, value) -> properties.put("station.amqp." + name, amqpPrefix(runId) + value));
        properties.put("spring.datasource.hikari.schema", schema(runId));
        properties.put("spring.flyway.schemas", schema(runId));
        // A key of the run's own, so the station does not warn that it generated one.
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        properties.put("station.secrets.key", java.util.Base64.getEncoder().encodeToString(key));
        return properties;
    }

    static String amqpPrefix(String runId) {
        return "bench." + runId + ".";
    }

    private static String schema(String runId) {
        return "bench_" + runId;
    }

    String property(String name, String fallback) {
        return environment.getProperty(name, fallback);
    }

    com.rabbitmq.client.ConnectionFactory rabbitConnectionFactory() {
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost(property("spring.rabbitmq.host", "localhost"));
        factory.setPort(Integer.parseInt(property("spring.rabbitmq.port", "5672")));
        factory.setUsername(property("spring.rabbitmq.username", "guest"));
        factory.setPassword(property("spring.rabbitmq.password", "guest"));
        factory.setVirtualHost(property("spring.rabbitmq.virtual-host", "/"));
        return factory;
    }

    RedisClient redisClient() {
        return RedisClient.create(RedisURI.create(property("spring.data.redis.host", "localhost"),
                Integer.parseInt(property("spring.data.redis.port", "6379"))));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it cleans up.
        }
        closeOnce();
    }

    private void closeOnce() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        context.close();
        if (!mode.equals("distributed")) {
            return;
        }
        List<Exception> problems = new ArrayList<>();
        try {
            deleteRedisKeys();
        } catch (Exception e) {
            problems.add(e);
        }
        try {
            deleteAmqpNames();
        } catch (Exception e) {
            problems.add(e);
        }
        try {
            dropSchema();
        } catch (Exception e) {
            problems.add(e);
        }
        if (!problems.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("clean-up of benchmark run " + runId + " failed");
            problems.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void deleteRedisKeys() {
        RedisClient client = redisClient();
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanArgs match = ScanArgs.Builder.matches("bench-" + runId + ":*").limit(1_000);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, match);
                if (!page.getKeys().isEmpty()) {
                    redis.del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }

    private void deleteAmqpNames() throws Exception {
        String prefix = amqpPrefix(runId);
        try (Connection connection = rabbitConnectionFactory().newConnection("bench-cleanup");
                Channel channel = connection.createChannel()) {
            List<String> queues = new ArrayList<>(List.of(prefix + "station.signals", prefix + "station.signals.dead",
                    prefix + "station.tasks.dead"));
            nodeTypes.forEach(type -> queues.add(prefix + "station.tasks." + type));
            for (String queue : queues) {
                channel.queueDelete(queue);
            }
            for (String exchange : List.of("signals_exchange", "station.tasks", "station.tasks.retry",
                    "station.dead-letter")) {
                channel.exchangeDelete(prefix + exchange);
            }
        }
    }

    private void dropSchema() throws Exception {
        try (java.sql.Connection connection = DriverManager.getConnection(
                property("spring.datasource.url", "jdbc:postgresql://localhost:5432/postgres"),
                property("spring.datasource.username", "postgres"), property("spring.datasource.password", ""));
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + schema(runId) + "\" cascade");
        }
    }
}
