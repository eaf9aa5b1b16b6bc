package io.weatherstation.shared.domain;

/** A handle name: 1–128 characters of {@code [A-Za-z0-9_-]} (see {@link Identifier}). */
public record HandleName(String value) implements Comparable<HandleName> {

    public HandleName {
        Identifier.require("handle name", value);
    }

    public static HandleName of(String value) {
        return new HandleName(value);
    }

    @Override
    public int compareTo(HandleName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
