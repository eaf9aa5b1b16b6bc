package io.weatherstation.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OverlapPolicyTest {

    @Test
    void startsWhenNoCycleRuns() {
        OverlapVerdict verdict = OverlapPolicy.DEFAULT.decide(0);

        assertThat(verdict.outcome()).isEqualTo(OverlapVerdict.Outcome.START);
        assertThat(verdict.reason()).isEqualTo("no cycle still running, max_concurrent_cycles=1");
    }

    @Test
    void skipsTheTickWhileTheMaximumRuns() {
        OverlapVerdict verdict = new OverlapPolicy(2).decide(2);

        assertThat(verdict.outcome()).isEqualTo(OverlapVerdict.Outcome.SKIP_TICK);
        assertThat(verdict.reason()).isEqualTo("2 cycles still running, max_concurrent_cycles=2");
    }

    @Test
    void startsBelowTheMaximum() {
        OverlapVerdict verdict = new OverlapPolicy(2).decide(1);

        assertThat(verdict.isStart()).isTrue();
        assertThat(verdict.reason()).isEqualTo("1 cycle still running, max_concurrent_cycles=2");
    }

    @Test
    void skipsAboveTheMaximumToo() {
        assertThat(OverlapPolicy.DEFAULT.decide(3).isStart()).isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new OverlapPolicy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OverlapPolicy.DEFAULT.decide(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
