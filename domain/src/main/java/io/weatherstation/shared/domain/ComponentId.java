package io.weatherstation.shared.domain;

/**
 * A connected component of a flow graph: 0, 1, … ordered by the smallest node index in the
 * flow definition, so the same definition always yields the same ids.
 */
public record ComponentId(int value) implements Comparable<ComponentId> {

    public ComponentId {
        if (value < 0) {
            throw new IllegalArgumentException("component id must be >= 0 (was " + value + ")");
        }
    }

    public static ComponentId of(int value) {
        return new ComponentId(value);
    }

    /** Parses the decimal form used in routing keys and storage keys. */
    public static ComponentId parse(String text) {
        if (!CanonicalDecimal.matches(text, 9)) {
            throw new IllegalArgumentException("component id must be a non-negative integer (was '" + text + "')");
        }
        return new ComponentId(Integer.parseInt(text));
    }

    @Override
    public int compareTo(ComponentId other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
