package io.weatherstation.execution.domain;

/**
 * Whether a due tick may start a new cycle (SPEC §2 {@code max_concurrent_cycles}, default 1):
 * while that many cycles still run, the tick is skipped — never queued, so a slow flow cannot
 * pile up a backlog of stale cycles.
 */
public record OverlapPolicy(int maxConcurrentCycles) {

    public static final OverlapPolicy DEFAULT = new OverlapPolicy(1);

    public OverlapPolicy {
        if (maxConcurrentCycles < 1) {
            throw new IllegalArgumentException("max_concurrent_cycles must be >= 1 (was " + maxConcurrentCycles + ")");
        }
    }

    public OverlapVerdict decide(int runningCycles) {
        if (runningCycles < 0) {
            throw new IllegalArgumentException("running cycles must be >= 0 (was " + runningCycles + ")");
        }
        String state = (runningCycles == 0 ? "no cycle" : runningCycles + (runningCycles == 1 ? " cycle" : " cycles"))
                + " still running, max_concurrent_cycles=" + maxConcurrentCycles;
        return runningCycles < maxConcurrentCycles
                ? new OverlapVerdict(OverlapVerdict.Outcome.START, state)
                : new OverlapVerdict(OverlapVerdict.Outcome.SKIP_TICK, state);
    }
}
