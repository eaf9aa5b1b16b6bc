package io.weatherstation.signaling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StopRouteTest {

    @Test
    void writesTheSpecifiedStopKey() {
        StopRoute route = StopRoute.of(FlowId.of("btc"), CycleNumber.of(7));

        assertThat(route.routingKey()).isEqualTo("flow.btc.signal.STOP_EXECUTION.cycle.7");
        assertThat(StopRoute.parse(route.routingKey())).isEqualTo(route);
    }

    @Test
    void stopKeyIsSeenByTheFlowBinding() {
        assertThat(StopRoute.of(FlowId.of("btc"), CycleNumber.of(7)).routingKey())
                .startsWith(SignalRoute.bindingPatternForFlow(FlowId.of("btc")).replace("#", ""));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            flow.btc.signal.SignalType.STOP_EXECUTION.cycle.7 | expected 6 words
            flow.btc.signal.STOP_EXECUTION.cycle              | expected 6 words
            flow.btc.signal.stop_execution.cycle.7            | word 4 must be 'STOP_EXECUTION'
            flow.btc.signals.STOP_EXECUTION.cycle.7           | word 3 must be 'signal'
            flow.btc.signal.STOP_EXECUTION.cycles.7           | word 5 must be 'cycle'
            cycle.btc.signal.STOP_EXECUTION.flow.7            | word 1 must be 'flow'
            flow.btc.signal.STOP_EXECUTION.cycle.-7           | must not be negative
            flow.btc.signal.STOP_EXECUTION.cycle.*            | '*' is only allowed as the whole target handle
            flow.*.signal.STOP_EXECUTION.cycle.7              | '*' is only allowed as the whole target handle
            flow.#.signal.STOP_EXECUTION.cycle.7              | '#' is a binding wildcard
            flow.b c.signal.STOP_EXECUTION.cycle.7            | flow id (word 2) must contain only
            """)
    void rejectsMalformedStopKeys(String key, String problem) {
        assertThatThrownBy(() -> StopRoute.parse(key))
                .isInstanceOf(MalformedRoutingKeyException.class)
                .hasMessageContaining(problem);
    }
}
