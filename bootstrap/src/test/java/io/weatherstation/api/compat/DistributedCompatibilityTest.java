package io.weatherstation.api.compat;

import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.testing.infra.PostgresEndpoint;
import io.weatherstation.testing.infra.RabbitEndpoint;
import io.weatherstation.testing.infra.RedisEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.Ordered;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The compatibility suite against the station in its distributed profile: state in Redis, signals
 * and tasks over RabbitMQ, the journal in PostgreSQL. The station gets a namespace of its own — a
 * Redis key prefix, exchange and queue names, a database schema — and everything in it is removed
 * afterwards, once the station is closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("distributed")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestExecutionListeners(listeners = DistributedCompatibilityTest.RemoveNamespace.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class DistributedCompatibilityTest extends CompatibilitySuite {

    private static final String NAMESPACE = "compat-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final String SCHEMA = NAMESPACE.replace('-', '_');
    private static final RedisEndpoint REDIS = TestInfrastructure.redis();
    private static final RabbitEndpoint RABBIT = TestInfrastructure.rabbit();
    private static final PostgresEndpoint POSTGRES = TestInfrastructure.postgres();

    @DynamicPropertySource
    static void namespace(DynamicPropertyRegistry registry) {
        REDIS.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        RABBIT.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        POSTGRES.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("station.redis.key-prefix", () -> NAMESPACE + ":");
        registry.add("spring.datasource.hikari.schema", () -> SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("station.amqp.signals-exchange", () -> name("signals_exchange"));
        registry.add("station.amqp.signals-queue", () -> name("station.signals"));
        registry.add("station.amqp.signals-dead-queue", () -> name("station.signals.dead"));
        registry.add("station.amqp.stop-queue-prefix", () -> name("station.stops."));
        registry.add("station.amqp.tasks-exchange", () -> name("station.tasks"));
        registry.add("station.amqp.task-queue-prefix", () -> name("station.tasks."));
        registry.add("station.amqp.tasks-dead-queue", () -> name("station.tasks.dead"));
        registry.add("station.amqp.retry-exchange", () -> name("station.tasks.retry"));
        registry.add("station.amqp.retry-queue-prefix", () -> name("station.tasks.retry."));
        registry.add("station.amqp.dead-letter-exchange", () -> name("station.dead-letter"));
    }

    private static String name(String name) {
        return NAMESPACE + "." + name;
    }

    /** The station's task queues (one per node type), noted while the station still runs. */
    private static final List<String> TASK_QUEUES = new CopyOnWriteArrayList<>();

    @Autowired
    NodeTypeCatalog catalog;

    @AfterAll
    void noteTheTaskQueues() {
        catalog.all().stream().map(NodeTypeDescriptor::type).forEach(type -> TASK_QUEUES.add(name("station.tasks." + type)));
    }

    /**
     * Removes the namespace once the station is closed ({@code @DirtiesContext} closes it just
     * before this listener's {@code afterTestClass}), so nothing the station does while shutting
     * down re-declares a queue or re-writes a key after it was deleted.
     */
    static final class RemoveNamespace implements TestExecutionListener, Ordered {

        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public void afterTestClass(TestContext testContext) throws Exception {
            removeQueuesAndExchanges();
            removeKeys();
            dropSchema();
        }

        private static void removeQueuesAndExchanges() {
            List<String> queues = new ArrayList<>(List.of(name("station.signals"), name("station.signals.dead"),
                    name("station.tasks.dead")));
            queues.addAll(TASK_QUEUES);
            CachingConnectionFactory rabbit = new CachingConnectionFactory(RABBIT.host(), RABBIT.port());
            rabbit.setUsername(RABBIT.user());
            rabbit.setPassword(RABBIT.password());
            try {
                RabbitAdmin admin = new RabbitAdmin(rabbit);
                queues.forEach(admin::deleteQueue);
                for (String exchange : List.of("signals_exchange", "station.tasks", "station.tasks.retry",
                        "station.dead-letter")) {
                    admin.deleteExchange(name(exchange));
                }
            } finally {
                rabbit.destroy();
            }
        }

        private static void removeKeys() {
            LettuceConnectionFactory redis = new LettuceConnectionFactory(
                    new RedisStandaloneConfiguration(REDIS.host(), REDIS.port()));
            redis.afterPropertiesSet();
            redis.start();
            try {
                StringRedisTemplate template = new StringRedisTemplate(redis);
                List<String> keys = new ArrayList<>();
                try (Cursor<String> cursor = template.scan(ScanOptions.scanOptions().match(NAMESPACE + ":*")
                        .count(1_000).build())) {
                    cursor.forEachRemaining(keys::add);
                }
                if (!keys.isEmpty()) {
                    template.delete(keys);
                }
            } finally {
                redis.destroy();
            }
        }

        private static void dropSchema() throws Exception {
            try (Connection connection = DriverManager.getConnection(POSTGRES.jdbcUrl(), POSTGRES.user(),
                    POSTGRES.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists \"" + SCHEMA + "\" cascade");
            }
        }
    }
}
