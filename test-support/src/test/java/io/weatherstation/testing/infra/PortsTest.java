package io.weatherstation.testing.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void a_listening_port_answers() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.answers("127.0.0.1", server.getLocalPort())).isTrue();
        }
    }

    @Test
    void a_closed_port_does_not_answer() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }

        assertThat(Ports.answers("127.0.0.1", port)).isFalse();
    }
}
