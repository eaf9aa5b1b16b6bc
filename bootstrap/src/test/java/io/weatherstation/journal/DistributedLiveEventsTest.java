package io.weatherstation.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.WeatherStationApplication;
import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.api.Api;
import io.weatherstation.api.EventStream;
import io.weatherstation.api.EventStream.Event;
import io.weatherstation.api.Flows;
import io.weatherstation.testing.infra.PostgresEndpoint;
import io.weatherstation.testing.infra.RabbitEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two stations in the distributed profile — separate Spring contexts sharing one Redis prefix, one
 * set of AMQP names and one PostgreSQL schema, as two processes would — and a client of instance B
 * following the live events of cycles that instance A starts; the ids are the same on both, so a
 * client may resume on either. Everything the test creates is namespaced and removed afterwards.
 */
class DistributedLiveEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String NAMESPACE = "live-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final String REDIS_PREFIX = NAMESPACE + ":";
    private static final String AMQP_PREFIX = NAMESPACE + ".";
    private static final String SCHEMA = NAMESPACE.replace('-', '_');

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    /** The node types the stations support: each has a task queue. */
    private static final Set<String> nodeTypes = new java.util.TreeSet<>();

    @BeforeAll
    static void startTwoStations() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        String secretsKey = Base64.getEncoder().encodeToString(key);
        a = station("station-a", secretsKey);
        nodeTypes.addAll(a.getBean(NodeRegistry.class).typeNames());
        b = station("station-b", secretsKey);
    }

    private static ConfigurableApplicationContext station(String workerId, String secretsKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.putAll(TestInfrastructure.redis().springProperties());
        properties.putAll(TestInfrastructure.rabbit().springProperties());
        properties.putAll(TestInfrastructure.postgres().springProperties());
        properties.put("server.port", "0");
        properties.put("station.worker-id", workerId);
        properties.put("station.secrets.key", secretsKey);
        properties.put("station.redis.key-prefix", REDIS_PREFIX);
        properties.put("spring.datasource.hikari.schema", SCHEMA);
        properties.put("spring.flyway.schemas", SCHEMA);
        properties.put("station.events.heartbeat", "500ms");
        properties.put("station.amqp.signals-exchange", AMQP_PREFIX + "signals_exchange");
        properties.put("station.amqp.signals-queue", AMQP_PREFIX + "station.signals");
        properties.put("station.amqp.signals-dead-queue", AMQP_PREFIX + "station.signals.dead");
        properties.put("station.amqp.stop-queue-prefix", AMQP_PREFIX + "station.stops.");
        properties.put("station.amqp.tasks-exchange", AMQP_PREFIX + "station.tasks");
        properties.put("station.amqp.task-queue-prefix", AMQP_PREFIX + "station.tasks.");
        properties.put("station.amqp.tasks-dead-queue", AMQP_PREFIX + "station.tasks.dead");
        properties.put("station.amqp.retry-exchange", AMQP_PREFIX + "station.tasks.retry");
        properties.put("station.amqp.retry-queue-prefix", AMQP_PREFIX + "station.tasks.retry.");
        properties.put("station.amqp.dead-letter-exchange", AMQP_PREFIX + "station.dead-letter");
        // As command-line arguments, which win over the application's own files (server.port, …).
        return new SpringApplicationBuilder(WeatherStationApplication.class)
                .profiles("distributed")
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    @AfterAll
    static void stopAndCleanUp() throws Exception {
        try {
            for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {a, b}) {
                if (context != null) {
                    context.close();
                }
            }
        } finally {
            try {
                try (RedisTestKeys keys = new RedisTestKeys(REDIS_PREFIX)) {
                    keys.deleteAll();
                }
            } finally {
                try {
                    deleteAmqpNames(TestInfrastructure.rabbit());
                } finally {
                    dropSchema(TestInfrastructure.postgres());
                }
            }
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Predicate<Event> cycleEndLine(long cycle) {
        return event -> event.name().equals("log")
                && event.json().path("message").asString().matches("cycle " + cycle + " (completed|failed|terminated) in .*");
    }

    @Test
    void a_client_of_one_instance_follows_the_cycles_another_instance_runs_and_resumes_on_either() {
        Api onA = new Api(port(a));
        String flowId = Api.uniqueId("shared");
        onA.register(flowId, Flows.branching());
        String events = "/api/v1/flows/" + flowId + "/events";

        List<Event> seen;
        try (EventStream onB = EventStream.open(port(b), events, null)) {
            Api.Response started = onA.post("/api/v1/flows/" + flowId + "/cycles");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            seen = onB.until(cycleEndLine(0), PATIENCE);
        }

        assertThat(seen.getFirst().name()).isEqualTo("cycle_started");
        assertThat(seen).extracting(Event::name)
                .contains("node_status", "log", "signal", "cycle_finished");
        assertThat(seen.stream().filter(e -> e.name().equals("node_status"))
                .map(e -> e.json().path("node_id").asString() + ":" + e.json().path("status").asString()))
                .contains("a:completed", "b:completed", "c:completed", "d:skipped");
        assertThat(seen.stream().filter(e -> e.name().equals("node_status"))
                .map(e -> e.json().path("worker_id").asString()).filter(w -> !w.isEmpty()).distinct().toList())
                .isSubsetOf("station-a", "station-b");
        assertThat(seen).filteredOn(e -> e.name().equals("cycle_finished")).singleElement()
                .satisfies(e -> assertThat(e.json().path("status").asString()).isEqualTo("completed"));
        assertThat(seen).extracting(Event::id).doesNotHaveDuplicates();

        // The ids are the stream's: a client resumes on instance A after an event it saw on B.
        Event middle = seen.get(seen.size() / 2);
        try (EventStream resumedOnA = EventStream.open(port(a), events, middle.id())) {
            List<Event> rest = resumedOnA.until(e -> e.id().equals(seen.getLast().id()), PATIENCE);
            assertThat(rest).containsExactlyElementsOf(seen.subList(seen.size() / 2 + 1, seen.size()));
        }
    }

    private static void deleteAmqpNames(RabbitEndpoint rabbit) {
        CachingConnectionFactory connections = new CachingConnectionFactory(rabbit.host(), rabbit.port());
        connections.setUsername(rabbit.user());
        connections.setPassword(rabbit.password());
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            for (String queue : List.of("station.signals", "station.signals.dead", "station.tasks.dead")) {
                admin.deleteQueue(AMQP_PREFIX + queue);
            }
            for (String type : nodeTypes) {
                admin.deleteQueue(AMQP_PREFIX + "station.tasks." + type);
            }
            for (String exchange : Set.of("signals_exchange", "station.tasks", "station.tasks.retry",
                    "station.dead-letter")) {
                admin.deleteExchange(AMQP_PREFIX + exchange);
            }
        } finally {
            connections.destroy();
        }
    }

    private static void dropSchema(PostgresEndpoint postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + SCHEMA + "\" cascade");
        }
    }
}
