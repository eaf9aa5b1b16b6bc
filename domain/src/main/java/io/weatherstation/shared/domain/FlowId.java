package io.weatherstation.shared.domain;

/** A flow id: 1–128 characters of {@code [A-Za-z0-9_-]} (see {@link Identifier}). */
public record FlowId(String value) implements Comparable<FlowId> {

    public FlowId {
        Identifier.require("flow id", value);
    }

    public static FlowId of(String value) {
        return new FlowId(value);
    }

    @Override
    public int compareTo(FlowId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
