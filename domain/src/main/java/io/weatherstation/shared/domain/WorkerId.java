package io.weatherstation.shared.domain;

/** A worker id: 1–128 characters of {@code [A-Za-z0-9_-]} (see {@link Identifier}). */
public record WorkerId(String value) implements Comparable<WorkerId> {

    public WorkerId {
        Identifier.require("worker id", value);
    }

    public static WorkerId of(String value) {
        return new WorkerId(value);
    }

    @Override
    public int compareTo(WorkerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
