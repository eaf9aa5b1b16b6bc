package io.weatherstation.flow.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a failing node task is attempted, and how long to wait before each retry.
 * Weather Syntax: {@code "retry": {"max_attempts": 3, "backoff_seconds": 1}}.
 *
 * @param maxAttempts    total attempts including the first, 1–{@value #MAX_ATTEMPTS}
 * @param initialBackoff wait before the second attempt; doubles for each further one
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff) {

    /** The upper bound of {@code max_attempts}. */
    public static final int MAX_ATTEMPTS = 100;
    /** No backoff ever exceeds this, however many attempts there are. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** The backoff used when {@code retry} gives {@code max_attempts} but no {@code backoff_seconds}. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    /** One attempt, no retry: the default. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and " + MAX_ATTEMPTS + ", was " + maxAttempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative, was " + initialBackoff);
        }
    }

    /** Whether a task that failed on attempt {@code attempt} (1-based) gets another one. */
    public boolean allowsAttemptAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /**
     * The wait before attempt {@code attempt} (1-based): none before the first, {@code
     * initialBackoff} before the second, then doubling, never more than {@link #MAX_BACKOFF}.
     */
    public Duration backoffBeforeAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1, was " + attempt);
        }
        if (attempt == 1 || initialBackoff.isZero()) {
            return Duration.ZERO;
        }
        if (initialBackoff.compareTo(MAX_BACKOFF) >= 0) {
            return MAX_BACKOFF;
        }
        Duration backoff = initialBackoff;
        for (int i = 2; i < attempt; i++) {
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(MAX_BACKOFF) >= 0) {
                return MAX_BACKOFF;
            }
        }
        return backoff;
    }
}
