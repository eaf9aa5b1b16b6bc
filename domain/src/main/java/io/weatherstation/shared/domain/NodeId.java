package io.weatherstation.shared.domain;

/** A node id: 1–128 characters of {@code [A-Za-z0-9_-]} (see {@link Identifier}). */
public record NodeId(String value) implements Comparable<NodeId> {

    public NodeId {
        Identifier.require("node id", value);
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
