package io.weatherstation.execution.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Status of a cycle (SPEC §4): {@code running → completed | failed | terminated}. A cycle is
 * failed if any node task failed, terminated if the user stopped the flow with termination,
 * else completed.
 */
public enum CycleStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    TERMINATED;

    public boolean isTerminal() {
        return this != RUNNING;
    }

    /** The lower-case name used in storage, events and the HTTP API ({@code completed}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name, in any letter case. */
    public static CycleStatus fromWireName(String wireName) {
        Objects.requireNonNull(wireName, "wireName");
        for (CycleStatus status : values()) {
            if (status.name().equalsIgnoreCase(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown cycle status '" + wireName + "' (expected one of "
                + Arrays.stream(values()).map(CycleStatus::wireName).toList() + ")");
    }
}
