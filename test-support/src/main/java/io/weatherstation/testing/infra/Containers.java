package io.weatherstation.testing.infra;

import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Throwaway containers, one of each per JVM, started on first use. They are never stopped here:
 * Testcontainers' reaper removes them when the JVM exits, so every test class in the run shares them.
 */
final class Containers {

    static final String POSTGRES_IMAGE = "STATION_TEST_POSTGRES_IMAGE";
    static final String REDIS_IMAGE = "STATION_TEST_REDIS_IMAGE";
    static final String RABBITMQ_IMAGE = "STATION_TEST_RABBITMQ_IMAGE";

    private static final int REDIS_PORT = 6379;

    private final Map<String, String> env;

    Containers(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    PostgresEndpoint postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(image(POSTGRES_IMAGE, "postgres:15-alpine"))
                .withDatabaseName("test")
                .withUsername("postgres")
                .withPassword("postgres");
        container.start();
        return new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    RedisEndpoint redis() {
        GenericContainer<?> container = new GenericContainer<>(image(REDIS_IMAGE, "redis:7-alpine"))
                .withExposedPorts(REDIS_PORT);
        container.start();
        return new RedisEndpoint(container.getHost(), container.getMappedPort(REDIS_PORT));
    }

    RabbitEndpoint rabbit() {
        RabbitMQContainer container = new RabbitMQContainer(image(RABBITMQ_IMAGE, "rabbitmq:3.13-management-alpine"));
        container.start();
        return new RabbitEndpoint(container.getHost(), container.getAmqpPort(),
                container.getAdminUsername(), container.getAdminPassword());
    }

    private DockerImageName image(String variable, String defaultImage) {
        String image = env.get(variable);
        return DockerImageName.parse(image == null || image.isEmpty() ? defaultImage : image);
    }
}
