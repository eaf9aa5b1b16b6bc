package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntervalFormsTest {

    static Stream<Arguments> accepted() {
        Schedule once = Schedule.ONCE;
        return Stream.of(
                Arguments.of("0", once),
                Arguments.of("0.0", once),
                Arguments.of("\"once\"", once),
                Arguments.of("\" ONCE \"", once),
                Arguments.of("\"0\"", once),
                Arguments.of("null", once),
                Arguments.of("60", every(Duration.ofSeconds(60))),
                Arguments.of("60.0", every(Duration.ofSeconds(60))),
                Arguments.of("6e1", every(Duration.ofSeconds(60))),
                Arguments.of("\"90\"", every(Duration.ofSeconds(90))),
                Arguments.of("\"30s\"", every(Duration.ofSeconds(30))),
                Arguments.of("\"5m\"", every(Duration.ofMinutes(5))),
                Arguments.of("\"5M\"", every(Duration.ofMinutes(5))),
                Arguments.of("\"1h\"", every(Duration.ofHours(1))),
                Arguments.of("\" 1d \"", every(Duration.ofDays(1))),
                Arguments.of("\"366d\"", every(Duration.ofDays(366))),
                Arguments.of("31622400", every(Duration.ofDays(366))));
    }

    @ParameterizedTest(name = "interval {0} → {1}")
    @MethodSource("accepted")
    void acceptsEveryDocumentedIntervalForm(String interval, Schedule expected) {
        for (String field : new String[] {"interval", "cycle_interval"}) {
            FlowDefinition flow = WeatherSyntaxReadingTest.read("{\"" + field + "\": " + interval
                    + ", \"nodes\": [" + WeatherSyntaxValidationTest.SOURCE + "]}");

            assertThat(flow.schedule()).isEqualTo(expected);
            assertThat(flow.schedule().periodic()).isEqualTo(expected instanceof Schedule.FixedRate);
        }
    }

    @ParameterizedTest(name = "no interval → once")
    @MethodSource("none")
    void runsOnceWhenNoIntervalOrCronIsGiven(String document) {
        assertThat(WeatherSyntaxReadingTest.read(document).schedule()).isEqualTo(Schedule.ONCE);
    }

    static Stream<String> none() {
        return Stream.of("{\"nodes\": [" + WeatherSyntaxValidationTest.SOURCE + "]}",
                "{\"cron\": null, \"interval\": null, \"nodes\": [" + WeatherSyntaxValidationTest.SOURCE + "]}");
    }

    private static Schedule every(Duration period) {
        return new Schedule.FixedRate(period);
    }
}
