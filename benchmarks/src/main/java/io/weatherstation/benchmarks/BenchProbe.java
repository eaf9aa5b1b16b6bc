package io.weatherstation.benchmarks;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the benchmark nodes measure, shared with the driver. Node instances are created by the
 * station's registry, so the measurements live here, in one place per JVM (one station runs at a
 * time). Latencies are recorded in nanoseconds.
 */
final class BenchProbe {

    /** The payload field carrying the {@link System#nanoTime()} at which the upstream node finished. */
    static final String FINISHED_AT = "finished_at_ns";

    private static final Recorder HOPS = new Recorder(3);
    private static final Recorder START_LAG = new Recorder(3);
    private static final AtomicLong EXECUTIONS = new AtomicLong();
    private static final AtomicLong CYCLE_ENDS = new AtomicLong();
    private static volatile Runnable onCycleEnd = () -> { };

    private BenchProbe() {
    }

    /** Clears every measurement and sets what happens when a cycle's last node ran. */
    static void reset(Runnable cycleEndAction) {
        HOPS.reset();
        START_LAG.reset();
        EXECUTIONS.set(0);
        CYCLE_ENDS.set(0);
        onCycleEnd = cycleEndAction;
    }

    static void executed() {
        EXECUTIONS.incrementAndGet();
    }

    /** A node received signals stamped by upstream nodes: the hop ends now. */
    static void hop(Object input, long startedAt) {
        long finishedAt = latestStamp(input);
        if (finishedAt != Long.MIN_VALUE) {
            HOPS.recordValue(Math.max(0, startedAt - finishedAt));
        }
    }

    static void startLag(long nanos) {
        START_LAG.recordValue(Math.max(0, nanos));
    }

    /** The last node of a cycle ran. */
    static void cycleEnded() {
        CYCLE_ENDS.incrementAndGet();
        onCycleEnd.run();
    }

    static long executions() {
        return EXECUTIONS.get();
    }

    static long cycleEnds() {
        return CYCLE_ENDS.get();
    }

    static Histogram hops() {
        return HOPS.getIntervalHistogram();
    }

    static Histogram startLags() {
        return START_LAG.getIntervalHistogram();
    }

    /** The stamp in a signal payload, or the latest of the stamps in an aggregate input. */
    private static long latestStamp(Object input) {
        if (!(input instanceof Map<?, ?> map)) {
            return Long.MIN_VALUE;
        }
        if (map.get(FINISHED_AT) instanceof Number stamp) {
            return stamp.longValue();
        }
        long latest = Long.MIN_VALUE;
        for (Object value : map.values()) {
            latest = Math.max(latest, latestStamp(value));
        }
        return latest;
    }

    /** The output of a benchmark node: its finish stamp, taken as late as possible. */
    static Map<String, Object> stamp() {
        return Map.of(FINISHED_AT, System.nanoTime());
    }
}
