package io.weatherstation.signaling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import org.junit.jupiter.api.Test;

class RoutingKeysTest {

    @Test
    void tellsSignalKeysFromStopKeys() {
        RoutingKey data = RoutingKeys.parseAny("flow.f.component.0.cycle.3.from.a.handle.out.to.b.handle.in");
        RoutingKey stop = RoutingKeys.parseAny("flow.f.signal.STOP_EXECUTION.cycle.3");

        assertThat(data).isInstanceOf(SignalRoute.class);
        assertThat(stop).isEqualTo(StopRoute.of(FlowId.of("f"), CycleNumber.of(3)));
        String described = switch (data) {
            case SignalRoute route -> "signal to " + route.targetNode();
            case StopRoute route -> "stop of cycle " + route.cycle();
        };
        assertThat(described).isEqualTo("signal to b");
        assertThat(data.flowId()).isEqualTo(stop.flowId());
        assertThat(data.cycle()).isEqualTo(stop.cycle());
    }

    @Test
    void rejectsKeysThatAreNeither() {
        assertThatThrownBy(() -> RoutingKeys.parseAny("flow.f.cycle.3"))
                .isInstanceOf(MalformedRoutingKeyException.class)
                .hasMessageContaining("the third word must be 'component' or 'signal'");
        assertThatThrownBy(() -> RoutingKeys.parseAny("flow"))
                .isInstanceOf(MalformedRoutingKeyException.class);
        assertThatThrownBy(() -> RoutingKeys.parseAny(null))
                .isInstanceOf(MalformedRoutingKeyException.class);
    }

    @Test
    void reportsTheSpecificProblemOfARecognisedShape() {
        assertThatThrownBy(() -> RoutingKeys.parseAny("flow.f.signal.STOP_EXECUTION.cycle.-3"))
                .isInstanceOf(MalformedRoutingKeyException.class)
                .hasMessageContaining("must not be negative");
    }
}
