package io.weatherstation.execution.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the station's clock and timers with ones the test drives. */
@TestConfiguration(proxyBeanMethods = false)
public class ManualTimeConfiguration {

    /** A Monday, midnight UTC: cron expressions line up with round instants. */
    public static final Instant START = Instant.parse("2030-01-07T00:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }

    @Bean
    @Primary
    ManualTimers manualTimers(MutableClock clock) {
        return new ManualTimers(clock);
    }

    @Bean
    @Primary
    HookedTickClaims hookedTickClaims() {
        return new HookedTickClaims();
    }
}
