package io.weatherstation.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.application.port.out.EventLog;
import io.weatherstation.journal.application.port.out.JournalStore;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.testing.infra.PostgresEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal slice under the distributed profile, on a real PostgreSQL: Flyway migrates at
 * start-up, the jOOQ adapter is the journal store, entries go through the buffer to the database,
 * and {@code /actuator/health} reports the database. Only the journal's beans are loaded (the
 * other slices' distributed adapters are not this test's business); the tables live in a schema
 * of their own, dropped afterwards.
 */
@SpringBootTest(classes = DistributedJournalWiringTest.JournalSlice.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("distributed")
@DirtiesContext
class DistributedJournalWiringTest {

    private static final PostgresEndpoint POSTGRES = TestInfrastructure.postgres();
    private static final String SCHEMA = "journal_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private static final String REDIS_PREFIX = "journal-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ":";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        POSTGRES.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        TestInfrastructure.redis().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("station.redis.key-prefix", () -> REDIS_PREFIX);
        registry.add("spring.datasource.hikari.schema", () -> SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchemaAndKeys() throws Exception {
        try (RedisTestKeys keys = new RedisTestKeys(REDIS_PREFIX)) {
            keys.deleteAll();
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES.jdbcUrl(), POSTGRES.user(), POSTGRES.password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + SCHEMA + "\" cascade");
        }
    }

    @Autowired
    JournalStore store;

    @Autowired
    ExecutionJournalUseCase journal;

    @Autowired
    Flyway flyway;

    @Autowired
    EventLog eventLog;

    @Value("${local.server.port}")
    int port;

    @Test
    void migrates_at_start_up_and_journals_in_postgresql() {
        assertThat(store.getClass().getSimpleName()).isEqualTo("JooqJournalStoreAdapter");
        assertThat(eventLog.getClass().getSimpleName()).isEqualTo("RedisEventLogAdapter");
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(flyway.getConfiguration().getSchemas()).containsExactly(SCHEMA);

        FlowId flow = FlowId.of("wired");
        LogEntry entry = new LogEntry(flow, 1, NodeId.of("price"), LogLevel.INFO, LogSource.NODE, "through the buffer",
                Map.of("k", "v"), Instant.now().truncatedTo(ChronoUnit.MICROS));
        journal.log(entry);

        assertThat(journal.logs(LogQuery.forCycle(flow, 1, 10, 0)).items()).containsExactly(entry);
    }

    @Test
    void health_reports_the_database() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode db = JsonMapper.builder().build().readTree(response.body()).path("components").path("db");
        assertThat(db.path("status").asString()).isEqualTo("UP");
        assertThat(db.path("details").path("database").asString()).isEqualTo("PostgreSQL");
    }

    /**
     * Auto-configuration as in the application, and only the journal slice's own beans, with the
     * Redis keyspace and listener container its live event log uses.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = {"io.weatherstation.journal.adapter.out", "io.weatherstation.journal.config",
            "io.weatherstation.shared.adapter.out.redis"})
    static class JournalSlice {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        @ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
        RedisMessageListenerContainer redisMessageListenerContainer(RedisConnectionFactory connections) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connections);
            return container;
        }
    }
}
