package io.weatherstation.execution.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named gates the {@link GateNode} waits at until the test opens them. Counts who entered, who
 * was interrupted while waiting and who is still inside, so a test can tell that node code really
 * stopped rather than only its status changing.
 */
public final class Gates {

    private static final Map<String, CountDownLatch> LATCHES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> ENTERED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> INSIDE = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> INTERRUPTED = new ConcurrentHashMap<>();

    private Gates() {
    }

    public static void open(String gate) {
        latch(gate).countDown();
    }

    /** Closes the gate again for runs that arrive from now on (runs already let through stay so). */
    public static void close(String gate) {
        LATCHES.put(gate, new CountDownLatch(1));
    }

    public static int entered(String gate) {
        return counter(ENTERED, gate).get();
    }

    /** Node runs currently waiting at the gate. */
    public static int inside(String gate) {
        return counter(INSIDE, gate).get();
    }

    public static int interrupted(String gate) {
        return counter(INTERRUPTED, gate).get();
    }

    static void pass(String gate) throws InterruptedException {
        counter(ENTERED, gate).incrementAndGet();
        counter(INSIDE, gate).incrementAndGet();
        try {
            latch(gate).await();
        } catch (InterruptedException e) {
            counter(INTERRUPTED, gate).incrementAndGet();
            throw e;
        } finally {
            counter(INSIDE, gate).decrementAndGet();
        }
    }

    private static CountDownLatch latch(String gate) {
        return LATCHES.computeIfAbsent(gate, g -> new CountDownLatch(1));
    }

    private static AtomicInteger counter(Map<String, AtomicInteger> counters, String gate) {
        return counters.computeIfAbsent(gate, g -> new AtomicInteger());
    }
}
