package io.weatherstation.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void byDefaultAFailedAttemptIsFinal() {
        RetryDecision decision = RetryPolicy.NO_RETRY.decide(1);

        assertThat(decision.outcome()).isEqualTo(RetryDecision.Outcome.GIVE_UP);
        assertThat(decision.after()).isNull();
        assertThat(decision.reason()).isEqualTo("attempt 1 of 1 failed; no attempts left");
    }

    @Test
    void retriesWithExponentialBackoffUntilTheLastAttempt() {
        RetryPolicy policy = RetryPolicy.of(4, Duration.ofSeconds(1));

        assertThat(policy.decide(1)).isEqualTo(RetryDecision.retry(Duration.ofSeconds(1),
                "attempt 1 of 4 failed; retrying in PT1S"));
        assertThat(policy.decide(2).after()).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.decide(3).after()).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.decide(4).outcome()).isEqualTo(RetryDecision.Outcome.GIVE_UP);
        assertThat(policy.decide(5).outcome()).isEqualTo(RetryDecision.Outcome.GIVE_UP);
    }

    @Test
    void backoffIsCapped() {
        RetryPolicy policy = new RetryPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(policy.decide(4).after()).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.decide(5).after()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.decide(99).after()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void hugeAttemptCountsDoNotOverflow() {
        RetryPolicy policy = new RetryPolicy(Integer.MAX_VALUE, Duration.ofDays(365), Duration.ofDays(365 * 1000L));

        assertThat(policy.backoffAfter(Integer.MAX_VALUE - 1)).isEqualTo(Duration.ofDays(365 * 1000L));
    }

    @Test
    void defaultCapIsFiveMinutesUnlessTheInitialBackoffIsLonger() {
        assertThat(RetryPolicy.of(3, Duration.ofSeconds(1)).maxBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(RetryPolicy.of(3, Duration.ofMinutes(10)).maxBackoff()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void zeroBackoffRetriesAtOnce() {
        assertThat(RetryPolicy.of(3, Duration.ZERO).decide(2).after()).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ZERO)).hasMessageContaining("max_attempts");
        assertThatThrownBy(() -> RetryPolicy.of(2, Duration.ofSeconds(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("below the initial backoff");
        assertThatThrownBy(() -> RetryPolicy.NO_RETRY.decide(0)).hasMessageContaining("attempts made");
        assertThatThrownBy(() -> RetryDecision.retry(Duration.ofSeconds(-1), "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
