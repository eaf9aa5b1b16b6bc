package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void noneMeansASingleAttemptWithoutWaiting() {
        assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.NONE.allowsAttemptAfter(1)).isFalse();
        assertThat(RetryPolicy.NONE.backoffBeforeAttempt(1)).isZero();
    }

    @Test
    void doublesTheBackoffForEachFurtherAttempt() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1));

        assertThat(policy.backoffBeforeAttempt(1)).isZero();
        assertThat(policy.backoffBeforeAttempt(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffBeforeAttempt(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffBeforeAttempt(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.allowsAttemptAfter(4)).isTrue();
        assertThat(policy.allowsAttemptAfter(5)).isFalse();
    }

    @Test
    void capsTheBackoffAtFiveMinutesHoweverManyAttempts() {
        RetryPolicy policy = new RetryPolicy(100, Duration.ofSeconds(10));

        assertThat(policy.backoffBeforeAttempt(6)).isEqualTo(Duration.ofSeconds(160));
        assertThat(policy.backoffBeforeAttempt(7)).isEqualTo(RetryPolicy.MAX_BACKOFF);
        assertThat(policy.backoffBeforeAttempt(100)).isEqualTo(RetryPolicy.MAX_BACKOFF);
        assertThat(new RetryPolicy(2, Duration.ofHours(1)).backoffBeforeAttempt(2)).isEqualTo(RetryPolicy.MAX_BACKOFF);
    }

    @Test
    void zeroBackoffRetriesImmediately() {
        assertThat(new RetryPolicy(3, Duration.ZERO).backoffBeforeAttempt(3)).isZero();
    }

    @Test
    void rejectsImpossiblePolicies() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(101, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.NONE.backoffBeforeAttempt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
