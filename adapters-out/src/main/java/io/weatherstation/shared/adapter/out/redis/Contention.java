package io.weatherstation.shared.adapter.out.redis;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/** Backing off after an optimistic write lost a race, so that racing writers stop colliding. */
public final class Contention {

    private static final long MAX_PAUSE_NANOS = 2_000_000;

    private Contention() {
    }

    /** Waits a random, growing moment before attempt {@code attempt + 1}. */
    public static void backOff(int attempt) {
        if (attempt <= 1) {
            Thread.onSpinWait();
            return;
        }
        long ceiling = Math.min(MAX_PAUSE_NANOS, 50_000L << Math.min(attempt, 10));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling / 4, ceiling));
    }
}
