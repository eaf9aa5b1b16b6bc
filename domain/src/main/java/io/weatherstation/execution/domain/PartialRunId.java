package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.CycleNumber;

/**
 * A partial run of a flow: numbered 1, 2, … per flow, independently of the flow's cycles.
 *
 * <p>The engine runs a partial run as a cycle of the flow in a separate numbering namespace
 * (ADR 0012): partial run {@code n} is cycle {@link #CYCLE_BASE} {@code + n}. Its tasks, keys and
 * routing keys therefore never collide with the flow's own cycles (numbered from 0 by
 * {@code last_cycle}, which partial runs never touch) nor with another partial run.
 */
public record PartialRunId(long value) implements Comparable<PartialRunId> {

    /** The first cycle number of the partial-run namespace, 10¹²; the flow's own cycles stay below it. */
    public static final long CYCLE_BASE = 1_000_000_000_000L;

    public PartialRunId {
        if (value < 1 || value > Long.MAX_VALUE - CYCLE_BASE) {
            throw new IllegalArgumentException("partial run id must be a positive integer (was " + value + ")");
        }
    }

    public static PartialRunId of(long value) {
        return new PartialRunId(value);
    }

    /** Parses the decimal form used in paths. */
    public static PartialRunId parse(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("partial run id must be a positive integer (was '" + text + "')");
        }
        return new PartialRunId(Long.parseLong(text));
    }

    /** The cycle this partial run runs as. */
    public CycleNumber cycle() {
        return CycleNumber.of(CYCLE_BASE + value);
    }

    /** Whether {@code cycle} is a partial run's cycle rather than one of the flow's own. */
    public static boolean isPartialRun(CycleNumber cycle) {
        return cycle.value() > CYCLE_BASE;
    }

    /** The partial run a cycle of the partial-run namespace belongs to. */
    public static PartialRunId ofCycle(CycleNumber cycle) {
        if (!isPartialRun(cycle)) {
            throw new IllegalArgumentException("cycle " + cycle + " is not a partial run");
        }
        return new PartialRunId(cycle.value() - CYCLE_BASE);
    }

    @Override
    public int compareTo(PartialRunId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
