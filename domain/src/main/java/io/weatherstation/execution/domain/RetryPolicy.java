package io.weatherstation.execution.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A node's {@code retry} setting (SPEC §4.6): at most {@code maxAttempts} attempts in all (the
 * first included); before attempt n+1 wait {@code initialBackoff × 2^(n-1)}, never more than
 * {@code maxBackoff}. The default is no retry.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Backoff cap when none is given: long waits only delay a cycle that is likely to fail anyway. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);

    public static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max_attempts must be >= 1 (was " + maxAttempts + ")");
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative (was " + initialBackoff + ")");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maximum backoff " + maxBackoff + " is below the initial backoff " + initialBackoff);
        }
    }

    /** Exponential backoff from {@code initialBackoff}, capped at {@link #DEFAULT_MAX_BACKOFF} (or the initial backoff if larger). */
    public static RetryPolicy of(int maxAttempts, Duration initialBackoff) {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Duration cap = initialBackoff.compareTo(DEFAULT_MAX_BACKOFF) > 0 ? initialBackoff : DEFAULT_MAX_BACKOFF;
        return new RetryPolicy(maxAttempts, initialBackoff, cap);
    }

    /**
     * What to do after attempt number {@code attemptsMade} (1-based) failed.
     *
     * @throws IllegalArgumentException if {@code attemptsMade} &lt; 1
     */
    public RetryDecision decide(int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attempts made must be >= 1 (was " + attemptsMade + ")");
        }
        if (attemptsMade >= maxAttempts) {
            return RetryDecision.giveUp("attempt " + attemptsMade + " of " + maxAttempts + " failed; no attempts left");
        }
        Duration delay = backoffAfter(attemptsMade);
        return RetryDecision.retry(delay, "attempt " + attemptsMade + " of " + maxAttempts
                + " failed; retrying in " + delay);
    }

    /** The wait after attempt {@code attemptsMade} failed: {@code initialBackoff × 2^(attemptsMade-1)}, capped. */
    public Duration backoffAfter(int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attempts made must be >= 1 (was " + attemptsMade + ")");
        }
        Duration delay = initialBackoff;
        for (int doubling = 1; doubling < attemptsMade && delay.compareTo(maxBackoff) < 0; doubling++) {
            if (delay.isZero()) {
                break;
            }
            try {
                delay = delay.multipliedBy(2);
            } catch (ArithmeticException overflow) {
                return maxBackoff;
            }
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
