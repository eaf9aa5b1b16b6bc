package io.weatherstation.api.controls;

import io.weatherstation.api.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The operator control scenarios against the embedded station (one instance plays both parts). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedControlsTest extends ControlScenarios {

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Override
    Api a() {
        return api;
    }

    @Override
    Api b() {
        return api;
    }
}
