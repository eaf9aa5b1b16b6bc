package io.weatherstation.testing.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The real thing, once: whatever this machine offers (containers or local services), the endpoints
 * handed out answer. Fails, naming the service to start, when they do not.
 */
class TestInfrastructureTest {

    @Test
    void hands_out_answering_postgres_redis_and_rabbitmq_and_their_spring_properties() {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        RedisEndpoint redis = TestInfrastructure.redis();
        RabbitEndpoint rabbit = TestInfrastructure.rabbit();

        LocalServices.HostPort postgresServer = LocalServices.postgresServer(postgres.jdbcUrl());
        assertThat(Ports.answers(postgresServer.host(), postgresServer.port())).isTrue();
        assertThat(Ports.answers(redis.host(), redis.port())).isTrue();
        assertThat(Ports.answers(rabbit.host(), rabbit.port())).isTrue();
        assertThat(TestInfrastructure.springProperties()).containsKeys(
                "spring.datasource.url", "spring.data.redis.host", "spring.data.redis.port",
                "spring.rabbitmq.host", "spring.rabbitmq.port");
    }

    @Test
    void decides_once_per_jvm() {
        assertThat(TestInfrastructure.mode()).isSameAs(TestInfrastructure.mode());
        assertThat(TestInfrastructure.postgres()).isSameAs(TestInfrastructure.postgres());
    }
}
