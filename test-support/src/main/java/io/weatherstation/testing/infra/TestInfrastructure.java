package io.weatherstation.testing.infra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL, Redis and RabbitMQ that adapter and end-to-end tests talk to (ADR 0004).
 *
 * <p>Decides once per JVM, on first use: when a Docker engine is available, each service is a
 * Testcontainers container started the first time it is asked for and shared by every later test;
 * otherwise the services on localhost are used (PostgreSQL {@code jdbc:postgresql://127.0.0.1:5432/test}
 * as {@code postgres} with trust authentication, Redis {@code 127.0.0.1:6379}, RabbitMQ
 * {@code 127.0.0.1:5672} as {@code guest/guest}). A local endpoint is handed out only after its port
 * answered; if it does not, the call throws {@link TestServiceUnavailableException} naming the service
 * and the command that starts it. Tests never skip because a service is missing.
 *
 * <p>Environment variables: {@code STATION_TEST_INFRA} = {@code auto} (default) | {@code containers} |
 * {@code localhost}; {@code STATION_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD};
 * {@code STATION_TEST_REDIS_HOST}, {@code _PORT}; {@code STATION_TEST_RABBITMQ_HOST}, {@code _PORT},
 * {@code _USER}, {@code _PASSWORD}; {@code STATION_TEST_POSTGRES_IMAGE}, {@code _REDIS_IMAGE},
 * {@code _RABBITMQ_IMAGE} for the container images.
 *
 * <p>In a Spring Boot test:
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.redis().springProperties().forEach((name, value) -> registry.add(name, () -> value));
 * }
 * }</pre>
 */
public final class TestInfrastructure {

    private static final Map<String, String> ENV = System.getenv();

    private static final Lazy<InfrastructureDecision> DECISION = new Lazy<>(TestInfrastructure::decide);

    private static final Lazy<PostgresEndpoint> POSTGRES =
            new Lazy<>(() -> usingContainers() ? containers().postgres() : local().postgres());
    private static final Lazy<RedisEndpoint> REDIS =
            new Lazy<>(() -> usingContainers() ? containers().redis() : local().redis());
    private static final Lazy<RabbitEndpoint> RABBIT =
            new Lazy<>(() -> usingContainers() ? containers().rabbit() : local().rabbit());

    private TestInfrastructure() {
    }

    /** Containers or localhost, decided on the first call of any method of this class. */
    public static InfrastructureMode mode() {
        return DECISION.get().mode();
    }

    /** Why {@link #mode()} is what it is, for test output. */
    public static String reason() {
        return DECISION.get().reason();
    }

    public static PostgresEndpoint postgres() {
        return POSTGRES.get();
    }

    public static RedisEndpoint redis() {
        return REDIS.get();
    }

    public static RabbitEndpoint rabbit() {
        return RABBIT.get();
    }

    /**
     * Spring Boot properties for all three services ({@code spring.datasource.*},
     * {@code spring.data.redis.*}, {@code spring.rabbitmq.*}). Needs all three: a test that uses
     * one service should take that endpoint's own {@code springProperties()}.
     */
    public static Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.putAll(postgres().springProperties());
        properties.putAll(redis().springProperties());
        properties.putAll(rabbit().springProperties());
        return Collections.unmodifiableMap(properties);
    }

    private static InfrastructureDecision decide() {
        InfrastructureDecision decision = InfrastructureDecision.decide(ENV, DockerProbe.testcontainers());
        // One line in the test output, so a CI log shows which services the run talked to.
        System.err.println("test infrastructure: " + decision.mode() + " (" + decision.reason() + ")");
        return decision;
    }

    private static boolean usingContainers() {
        return mode() == InfrastructureMode.CONTAINERS;
    }

    private static Containers containers() {
        return new Containers(ENV);
    }

    private static LocalServices local() {
        return new LocalServices(ENV, reason());
    }
}
