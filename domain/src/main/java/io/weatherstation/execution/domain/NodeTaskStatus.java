package io.weatherstation.execution.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Status of a node task (SPEC §4): {@code registered → pending → running → completed | failed |
 * terminated | skipped}. {@code running → pending} is a retry after a failed attempt or a
 * redelivery after a worker crash. {@code pending → paused → pending} is a ready task held by a
 * pause of its flow, component or node and released on resume (it has not started, so no timeout
 * runs while it waits). Terminal statuses are final: a task finished once is never
 * run again in the same cycle.
 */
public enum NodeTaskStatus {
    REGISTERED,
    PENDING,
    PAUSED,
    RUNNING,
    COMPLETED,
    FAILED,
    TERMINATED,
    SKIPPED;

    public boolean isTerminal() {
        return switch (this) {
            case COMPLETED, FAILED, TERMINATED, SKIPPED -> true;
            case REGISTERED, PENDING, PAUSED, RUNNING -> false;
        };
    }

    /** The statuses this one may change to; empty for terminal statuses. */
    public Set<NodeTaskStatus> allowedTransitions() {
        return switch (this) {
            case REGISTERED -> EnumSet.of(PENDING, SKIPPED, TERMINATED);
            case PENDING -> EnumSet.of(RUNNING, PAUSED, SKIPPED, TERMINATED);
            case PAUSED -> EnumSet.of(PENDING, SKIPPED, TERMINATED);
            case RUNNING -> EnumSet.of(COMPLETED, FAILED, TERMINATED, PENDING);
            case COMPLETED, FAILED, TERMINATED, SKIPPED -> EnumSet.noneOf(NodeTaskStatus.class);
        };
    }

    public boolean canTransitionTo(NodeTaskStatus target) {
        return allowedTransitions().contains(Objects.requireNonNull(target, "target"));
    }

    /** The lower-case name used in storage, events and the HTTP API ({@code completed}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name, in any letter case. */
    public static NodeTaskStatus fromWireName(String wireName) {
        Objects.requireNonNull(wireName, "wireName");
        for (NodeTaskStatus status : values()) {
            if (status.name().equalsIgnoreCase(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown node task status '" + wireName + "' (expected one of "
                + Arrays.stream(values()).map(NodeTaskStatus::wireName).toList() + ")");
    }
}
