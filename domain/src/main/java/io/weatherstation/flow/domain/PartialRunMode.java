package io.weatherstation.flow.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** Which nodes a partial run around a trigger node runs. */
public enum PartialRunMode {
    /** The trigger node alone. */
    SINGLE,
    /** The trigger node and every node it depends on, directly or not. */
    UPSTREAM,
    /** The trigger node and every node that depends on it, directly or not. */
    DOWNSTREAM,
    /** Every node of the trigger node's connected component. */
    COMPONENT;

    /** The lower-case name used in the HTTP API ({@code downstream}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name, in any letter case. */
    public static PartialRunMode fromWireName(String wireName) {
        Objects.requireNonNull(wireName, "wireName");
        for (PartialRunMode mode : values()) {
            if (mode.name().equalsIgnoreCase(wireName)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown partial run mode '" + wireName + "' (expected one of "
                + Arrays.stream(values()).map(PartialRunMode::wireName).toList() + ")");
    }
}
