package io.weatherstation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StationStartsTest {

    @Value("${local.server.port}")
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    Environment environment;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void starts_in_embedded_mode_by_default_and_reports_health_up() throws Exception {
        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getProperty("station.mode")).isEqualTo("embedded");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void the_embedded_mode_never_connects_to_redis() {
        assertThat(context.getBeanNamesForType(org.springframework.data.redis.connection.RedisConnectionFactory.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.data.redis.core.StringRedisTemplate.class)).isEmpty();
    }
}
