package io.weatherstation.testing.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs against a socket this test opens and a port it has just closed: no real service needed. */
class LocalServicesTest {

    private static final String WHY = "no Docker engine is available";

    private ServerSocket listening;
    private int closedPort;

    @BeforeEach
    void openOnePortAndFindAClosedOne() throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket unused = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
    }

    @AfterEach
    void close() throws IOException {
        listening.close();
    }

    @Test
    void hands_out_redis_once_its_port_answers() {
        LocalServices local = new LocalServices(Map.of(
                "STATION_TEST_REDIS_HOST", "127.0.0.1",
                "STATION_TEST_REDIS_PORT", Integer.toString(listening.getLocalPort())), WHY);

        assertThat(local.redis()).isEqualTo(new RedisEndpoint("127.0.0.1", listening.getLocalPort()));
    }

    @Test
    void hands_out_rabbitmq_with_guest_credentials_by_default() {
        LocalServices local = new LocalServices(Map.of(
                "STATION_TEST_RABBITMQ_PORT", Integer.toString(listening.getLocalPort())), WHY);

        assertThat(local.rabbit()).isEqualTo(new RabbitEndpoint("127.0.0.1", listening.getLocalPort(), "guest", "guest"));
    }

    @Test
    void hands_out_postgres_as_the_postgres_user_with_trust_authentication_by_default() {
        String url = "jdbc:postgresql://127.0.0.1:" + listening.getLocalPort() + "/test";
        LocalServices local = new LocalServices(Map.of("STATION_TEST_POSTGRES_URL", url), WHY);

        assertThat(local.postgres()).isEqualTo(new PostgresEndpoint(url, "postgres", ""));
    }

    @Test
    void a_closed_redis_port_fails_naming_redis_and_the_command_that_starts_it() {
        LocalServices local = new LocalServices(Map.of("STATION_TEST_REDIS_PORT", Integer.toString(closedPort)), WHY);

        assertThatThrownBy(local::redis)
                .isInstanceOf(TestServiceUnavailableException.class)
                .hasMessageStartingWith("Redis is not answering on 127.0.0.1:" + closedPort + ".")
                .hasMessageContaining("because no Docker engine is available")
                .hasMessageContaining("redis-server --daemonize yes --bind 127.0.0.1 -::1 --port " + closedPort
                        + " --save \"\" --appendonly no")
                .hasMessageContaining(".ci/run")
                .hasMessageContaining("STATION_TEST_REDIS_HOST/STATION_TEST_REDIS_PORT");
    }

    @Test
    void a_closed_postgres_port_fails_naming_postgres_and_the_command_that_starts_it() {
        LocalServices local = new LocalServices(
                Map.of("STATION_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/test"), WHY);

        assertThatThrownBy(local::postgres)
                .isInstanceOf(TestServiceUnavailableException.class)
                .hasMessageStartingWith("PostgreSQL is not answering on 127.0.0.1:" + closedPort + ".")
                .hasMessageContaining("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
                .hasMessageContaining("STATION_TEST_POSTGRES_URL");
    }

    @Test
    void a_closed_rabbitmq_port_fails_naming_rabbitmq_and_the_command_that_starts_it() {
        LocalServices local = new LocalServices(Map.of("STATION_TEST_RABBITMQ_PORT", Integer.toString(closedPort)), WHY);

        assertThatThrownBy(local::rabbit)
                .isInstanceOf(TestServiceUnavailableException.class)
                .hasMessageStartingWith("RabbitMQ is not answering on 127.0.0.1:" + closedPort + ".")
                .hasMessageContaining("rabbitmq-server -detached");
    }

    @Test
    void a_port_variable_that_is_not_a_port_is_reported_by_name() {
        LocalServices local = new LocalServices(Map.of("STATION_TEST_REDIS_PORT", "sixtythree"), WHY);

        assertThatThrownBy(local::redis)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STATION_TEST_REDIS_PORT must be a TCP port");
    }

    @Test
    void reads_the_server_of_a_postgres_jdbc_url() {
        assertThat(LocalServices.postgresServer("jdbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo(new LocalServices.HostPort("127.0.0.1", 5432));
        assertThat(LocalServices.postgresServer("jdbc:postgresql://db.example:6543/x?ssl=true"))
                .isEqualTo(new LocalServices.HostPort("db.example", 6543));
        assertThat(LocalServices.postgresServer("jdbc:postgresql://db.example/x"))
                .isEqualTo(new LocalServices.HostPort("db.example", 5432));
        assertThat(LocalServices.postgresServer("jdbc:postgresql://[::1]:5433/x"))
                .isEqualTo(new LocalServices.HostPort("::1", 5433));
        assertThat(LocalServices.postgresServer("jdbc:postgresql://h1:5001,h2:5002/x"))
                .isEqualTo(new LocalServices.HostPort("h1", 5001));
        assertThat(LocalServices.postgresServer("jdbc:postgresql:///x"))
                .isEqualTo(new LocalServices.HostPort("localhost", 5432));
    }

    @Test
    void rejects_a_url_that_is_not_a_postgres_jdbc_url() {
        assertThatThrownBy(() -> LocalServices.postgresServer("postgres://127.0.0.1/test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STATION_TEST_POSTGRES_URL must look like jdbc:postgresql://");
    }
}
