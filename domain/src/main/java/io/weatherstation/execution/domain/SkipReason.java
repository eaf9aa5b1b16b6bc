package io.weatherstation.execution.domain;

import java.util.Objects;

/**
 * Why an edge delivered nothing in a cycle. {@link #UPSTREAM_FAILED} outranks
 * {@link #UPSTREAM_SKIPPED}: a node skipped because of a failure passes the failure on, so the
 * operator sees where things went wrong rather than a branch that simply was not taken.
 */
public enum SkipReason {
    /** The source handle produced no value (a branch not taken), or its node was itself skipped that way. */
    UPSTREAM_SKIPPED("upstream_skipped"),
    /** The source node failed, or was itself skipped because something upstream failed. */
    UPSTREAM_FAILED("upstream_failed");

    private final String wireName;

    SkipReason(String wireName) {
        this.wireName = wireName;
    }

    /** {@code upstream_skipped} / {@code upstream_failed}: also the task's skip message. */
    public String wireName() {
        return wireName;
    }

    public static SkipReason fromWireName(String wireName) {
        Objects.requireNonNull(wireName, "wireName");
        for (SkipReason reason : values()) {
            if (reason.wireName.equalsIgnoreCase(wireName)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown skip reason '" + wireName + "' (expected upstream_skipped or upstream_failed)");
    }

    /** The stronger of the two: failed wins. */
    public SkipReason and(SkipReason other) {
        return this == UPSTREAM_FAILED || other == UPSTREAM_FAILED ? UPSTREAM_FAILED : UPSTREAM_SKIPPED;
    }
}
