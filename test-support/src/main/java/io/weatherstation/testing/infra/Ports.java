package io.weatherstation.testing.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** TCP port helpers: is anything listening there? */
final class Ports {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private Ports() {
    }

    static int requireValid(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535 (was " + port + ")");
        }
        return port;
    }

    /** True when a TCP connection to {@code host:port} is accepted within {@link #CONNECT_TIMEOUT}. */
    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException closedOrUnreachable) {
            // The expected answer when nothing listens; the caller reports which service to start.
            return false;
        }
    }

    /** Parses a decimal port, naming the environment variable it came from when it is not one. */
    static int parse(String variable, String value) {
        try {
            return requireValid(Integer.parseInt(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " must be a TCP port 1-65535 (was '" + value + "')", e);
        }
    }
}
