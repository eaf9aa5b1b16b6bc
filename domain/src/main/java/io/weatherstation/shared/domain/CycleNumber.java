package io.weatherstation.shared.domain;

/**
 * A cycle of a flow: numbered from 0, each one {@code last_cycle + 1}, never reused.
 */
public record CycleNumber(long value) implements Comparable<CycleNumber> {

    public static final CycleNumber FIRST = new CycleNumber(0);

    public CycleNumber {
        if (value < 0) {
            throw new IllegalArgumentException("cycle number must be >= 0 (was " + value + ")");
        }
    }

    public static CycleNumber of(long value) {
        return new CycleNumber(value);
    }

    /** Parses the decimal form used in routing keys and storage keys. */
    public static CycleNumber parse(String text) {
        if (!CanonicalDecimal.matches(text, 18)) {
            throw new IllegalArgumentException("cycle number must be a non-negative integer (was '" + text + "')");
        }
        return new CycleNumber(Long.parseLong(text));
    }

    public CycleNumber next() {
        return new CycleNumber(Math.addExact(value, 1));
    }

    @Override
    public int compareTo(CycleNumber other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
