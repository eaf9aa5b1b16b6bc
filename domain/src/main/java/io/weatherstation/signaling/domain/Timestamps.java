package io.weatherstation.signaling.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Reads the ISO-8601 timestamps of signal documents and stop payloads. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Parses {@code 2024-05-01T12:00:00Z} and offset forms ({@code +08:00}). A date-time without
     * offset is read as UTC: producers in the original engine wrote Python's naive
     * {@code isoformat()}, which has no offset.
     */
    static Instant parse(@Nullable Object value, String where) {
        if (!(value instanceof String text)) {
            throw new MalformedSignalException(where + " must be an ISO-8601 timestamp string (was "
                    + describe(value) + ")");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                throw new MalformedSignalException(
                        where + " is not an ISO-8601 timestamp (was '" + text + "')", notAnInstant);
            }
        }
    }

    static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
