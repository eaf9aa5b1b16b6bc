package io.weatherstation.execution.domain;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RetryPolicy}'s answer after a failed attempt.
 *
 * @param after for {@code RETRY} only: how long to wait before the next attempt
 */
public record RetryDecision(Outcome outcome, @Nullable Duration after, String reason) {

    public enum Outcome { RETRY, GIVE_UP }

    public RetryDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if ((outcome == Outcome.RETRY) != (after != null)) {
            throw new IllegalArgumentException("a delay goes with RETRY and only with RETRY");
        }
        if (after != null && after.isNegative()) {
            throw new IllegalArgumentException("retry delay must not be negative (was " + after + ")");
        }
    }

    public static RetryDecision retry(Duration after, String reason) {
        return new RetryDecision(Outcome.RETRY, Objects.requireNonNull(after, "after"), reason);
    }

    public static RetryDecision giveUp(String reason) {
        return new RetryDecision(Outcome.GIVE_UP, null, reason);
    }

    public boolean isRetry() {
        return outcome == Outcome.RETRY;
    }
}
