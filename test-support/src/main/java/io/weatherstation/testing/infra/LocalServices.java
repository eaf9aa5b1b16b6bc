package io.weatherstation.testing.infra;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The services on localhost (or wherever the {@code STATION_TEST_*} variables point). Each endpoint
 * is handed out only after its TCP port answered; otherwise the caller gets a
 * {@link TestServiceUnavailableException} that names the service and the command that starts it.
 */
final class LocalServices {

    static final String POSTGRES_URL = "STATION_TEST_POSTGRES_URL";
    static final String POSTGRES_USER = "STATION_TEST_POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "STATION_TEST_POSTGRES_PASSWORD";
    static final String REDIS_HOST = "STATION_TEST_REDIS_HOST";
    static final String REDIS_PORT = "STATION_TEST_REDIS_PORT";
    static final String RABBITMQ_HOST = "STATION_TEST_RABBITMQ_HOST";
    static final String RABBITMQ_PORT = "STATION_TEST_RABBITMQ_PORT";
    static final String RABBITMQ_USER = "STATION_TEST_RABBITMQ_USER";
    static final String RABBITMQ_PASSWORD = "STATION_TEST_RABBITMQ_PASSWORD";

    static final String POSTGRES_START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
    static final String RABBITMQ_START = "rabbitmq-server -detached";

    private static final String DEFAULT_HOST = "127.0.0.1";

    private final Map<String, String> env;
    private final String whyLocalhost;

    /**
     * @param env          the environment (System.getenv() outside tests)
     * @param whyLocalhost why the local services are used, quoted in failure messages
     */
    LocalServices(Map<String, String> env, String whyLocalhost) {
        this.env = Map.copyOf(env);
        this.whyLocalhost = Objects.requireNonNull(whyLocalhost, "whyLocalhost");
    }

    PostgresEndpoint postgres() {
        String url = value(POSTGRES_URL, "jdbc:postgresql://" + DEFAULT_HOST + ":5432/test");
        HostPort server = postgresServer(url);
        requireAnswering("PostgreSQL", server, POSTGRES_START, POSTGRES_URL);
        return new PostgresEndpoint(url, value(POSTGRES_USER, "postgres"), value(POSTGRES_PASSWORD, ""));
    }

    RedisEndpoint redis() {
        HostPort server = new HostPort(value(REDIS_HOST, DEFAULT_HOST), port(REDIS_PORT, 6379));
        requireAnswering("Redis", server, redisStart(server.port()), REDIS_HOST + "/" + REDIS_PORT);
        return new RedisEndpoint(server.host(), server.port());
    }

    RabbitEndpoint rabbit() {
        HostPort server = new HostPort(value(RABBITMQ_HOST, DEFAULT_HOST), port(RABBITMQ_PORT, 5672));
        requireAnswering("RabbitMQ", server, RABBITMQ_START, RABBITMQ_HOST + "/" + RABBITMQ_PORT);
        return new RabbitEndpoint(server.host(), server.port(),
                value(RABBITMQ_USER, "guest"), value(RABBITMQ_PASSWORD, "guest"));
    }

    static String redisStart(int port) {
        return "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port " + port + " --save \"\" --appendonly no";
    }

    /** Host and port of the (first) server in a {@code jdbc:postgresql://host[:port]/db} URL. */
    static HostPort postgresServer(String jdbcUrl) {
        String prefix = "jdbc:postgresql://";
        if (!jdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException(POSTGRES_URL + " must look like jdbc:postgresql://host:port/database (was '" + jdbcUrl + "')");
        }
        String rest = jdbcUrl.substring(prefix.length());
        int end = indexOfAny(rest, '/', '?');
        String authority = end < 0 ? rest : rest.substring(0, end);
        int comma = authority.indexOf(',');
        if (comma >= 0) {
            authority = authority.substring(0, comma);
        }
        if (authority.isEmpty()) {
            return new HostPort("localhost", 5432);
        }
        URI uri = URI.create("postgresql://" + authority);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("cannot read the server of " + POSTGRES_URL + " '" + jdbcUrl + "'");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new HostPort(host, uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    private void requireAnswering(String service, HostPort server, String startCommand, String variables) {
        if (Ports.answers(server.host(), server.port())) {
            return;
        }
        throw new TestServiceUnavailableException(service + " is not answering on " + server + ".\n"
                + "The tests use the services on localhost because " + whyLocalhost + ".\n"
                + "Start " + service + " with:\n"
                + "    " + startCommand + "\n"
                + "(.ci/run starts PostgreSQL, Redis and RabbitMQ when their ports are closed), "
                + "or point " + variables + " at a running " + service + ".");
    }

    private String value(String variable, String defaultValue) {
        String value = env.get(variable);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    private int port(String variable, int defaultPort) {
        String value = env.get(variable);
        return value == null || value.isEmpty() ? defaultPort : Ports.parse(variable, value);
    }

    private static int indexOfAny(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    record HostPort(String host, int port) {

        HostPort {
            Objects.requireNonNull(host, "host");
            Ports.requireValid(port);
        }

        @Override
        public String toString() {
            return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        }
    }
}
