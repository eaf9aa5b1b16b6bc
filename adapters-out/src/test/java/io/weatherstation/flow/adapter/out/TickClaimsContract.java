package io.weatherstation.flow.adapter.out;

import static io.weatherstation.flow.adapter.out.FlowFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.flow.application.port.out.TickClaims;
import io.weatherstation.shared.domain.FlowId;
import org.junit.jupiter.api.Test;

/** What every {@link TickClaims} does. */
public abstract class TickClaimsContract {

    protected abstract TickClaims claims();

    private static final FlowId FLOW = FlowId.of("alpha");

    @Test
    void a_tick_is_won_once() {
        assertThat(claims().claim(FLOW, T0)).isTrue();
        assertThat(claims().claim(FLOW, T0)).isFalse();
    }

    @Test
    void later_ticks_are_won_and_earlier_ones_never_again() {
        assertThat(claims().claim(FLOW, T0)).isTrue();
        assertThat(claims().claim(FLOW, T0.plusSeconds(60))).isTrue();
        assertThat(claims().claim(FLOW, T0.plusSeconds(30))).isFalse();
        assertThat(claims().claim(FLOW, T0.plusSeconds(60).plusNanos(1))).isTrue();
    }

    @Test
    void flows_are_claimed_independently() {
        assertThat(claims().claim(FLOW, T0)).isTrue();
        assertThat(claims().claim(FlowId.of("bravo"), T0)).isTrue();
    }
}
