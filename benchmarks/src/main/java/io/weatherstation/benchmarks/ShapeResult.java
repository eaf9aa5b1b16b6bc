package io.weatherstation.benchmarks;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * One shape's figures.
 *
 * @param cycles           cycles that ran through in the measured part
 * @param executions       node executions in the measured part
 * @param seconds          wall time of the measured part
 * @param cpuNanos         CPU time the station's process used during the measured part (all its threads)
 * @param hops             upstream node finished → downstream node started, ns, one cycle in flight
 *                         (null: the shape has no hops)
 * @param loadedHops       the same during the throughput run, with many cycles in flight
 * @param startLags        cycle start time − scheduled time, ns (null: cycles started on demand)
 * @param heapBeforeBytes  heap used after a full GC before the shape ran
 * @param heapAfterBytes   heap used after a full GC once every cycle of the shape ended, its flows still
 *                         registered (so what retention keeps is counted)
 * @param totalCycles      cycles completed by this station so far, warm-up and earlier shapes included
 * @param load             the one-minute load average when the shape ended
 */
record ShapeResult(String shape, long cycles, long executions, double seconds, long cpuNanos, @Nullable Histogram hops, @Nullable Histogram loadedHops,
        @Nullable Histogram startLags, long heapBeforeBytes, long heapAfterBytes, long totalCycles, String load) {

    double executionsPerSecond() {
        return seconds <= 0 ? 0 : executions / seconds;
    }

    /** CPU time of the station's process per node execution, µs. */
    double cpuMicrosPerExecution() {
        return executions <= 0 ? 0 : cpuNanos / 1_000.0 / executions;
    }
}
