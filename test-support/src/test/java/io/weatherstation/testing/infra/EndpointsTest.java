package io.weatherstation.testing.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void postgres_maps_to_the_spring_datasource_properties() {
        assertThat(new PostgresEndpoint("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "").springProperties())
                .containsExactly(
                        entry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                        entry("spring.datasource.username", "postgres"),
                        entry("spring.datasource.password", ""));
    }

    @Test
    void redis_maps_to_the_spring_data_redis_properties() {
        assertThat(new RedisEndpoint("127.0.0.1", 6379).springProperties())
                .containsExactly(entry("spring.data.redis.host", "127.0.0.1"), entry("spring.data.redis.port", "6379"));
    }

    @Test
    void rabbitmq_maps_to_the_spring_rabbitmq_properties() {
        assertThat(new RabbitEndpoint("127.0.0.1", 5672, "guest", "guest").springProperties())
                .containsExactly(
                        entry("spring.rabbitmq.host", "127.0.0.1"),
                        entry("spring.rabbitmq.port", "5672"),
                        entry("spring.rabbitmq.username", "guest"),
                        entry("spring.rabbitmq.password", "guest"));
    }
}
