package io.weatherstation.journal.domain;

import java.util.Objects;

/**
 * The position of a live event in its flow's event log: {@code <milliseconds>-<sequence>}, the
 * form of a Redis stream entry id, in both run modes. Ids of one flow only grow, so a client that
 * saw an id has seen every earlier event of that flow (within the retention window).
 */
public record EventId(long millis, long sequence) implements Comparable<EventId> {

    /** Before every event: a log read after it starts at the oldest retained event. */
    public static final EventId ZERO = new EventId(0, 0);

    public EventId {
        if (millis < 0 || sequence < 0) {
            throw new IllegalArgumentException("event id parts must be >= 0 (was " + millis + "-" + sequence + ")");
        }
    }

    /** Parses {@code <millis>-<sequence>} (or a bare {@code <millis>}, sequence 0). */
    public static EventId parse(String text) {
        Objects.requireNonNull(text, "text");
        int dash = text.indexOf('-');
        try {
            if (dash < 0) {
                return new EventId(parsePart(text), 0);
            }
            return new EventId(parsePart(text.substring(0, dash)), parsePart(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an event id is <milliseconds>-<sequence>, e.g. 1732370000000-0 (was '"
                    + text + "')");
        }
    }

    private static long parsePart(String part) {
        if (part.isEmpty() || part.length() > 19 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(part);
        }
        return Long.parseLong(part);
    }

    /** The next id a log hands out after this one, given the current time. */
    public EventId next(long nowMillis) {
        return nowMillis > millis ? new EventId(nowMillis, 0) : new EventId(millis, sequence + 1);
    }

    public boolean isAfter(EventId other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(EventId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
