package io.weatherstation.execution.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Why something was paused (the original engine's {@code pause_type}). Informational: every kind
 * holds ready tasks the same way until the target is resumed.
 */
public enum PauseKind {
    /** An operator paused it. */
    MANUAL,
    /** Paused because of an error, to be looked at before going on. */
    ERROR,
    /** A breakpoint: stop before this runs. */
    BREAKPOINT,
    /** Waiting for input from a person before it runs (nodes only in the original engine). */
    AWAITING_INPUT;

    /** The lower-case name used in storage and the HTTP API ({@code awaiting_input}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name, in any letter case. */
    public static PauseKind fromWireName(String wireName) {
        Objects.requireNonNull(wireName, "wireName");
        for (PauseKind kind : values()) {
            if (kind.name().equalsIgnoreCase(wireName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown pause type '" + wireName + "' (expected one of "
                + Arrays.stream(values()).map(PauseKind::wireName).toList() + ")");
    }
}
