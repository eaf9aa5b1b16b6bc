package io.weatherstation.api.compat;

import org.springframework.boot.test.context.SpringBootTest;

/** The compatibility suite against the station in its embedded profile (in-memory state, in-process bus). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedCompatibilityTest extends CompatibilitySuite {
}
