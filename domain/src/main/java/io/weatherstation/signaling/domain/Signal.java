package io.weatherstation.signaling.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a node emits on an output handle and another consumes on an input handle.
 *
 * <p>The payload is a JSON object tree (Map / List / String / Number / Boolean / null), copied
 * deeply into an unmodifiable form on construction: a signal is shared between threads, stored
 * and replayed, so nobody may change it afterwards. Non-finite numbers and non-JSON objects are
 * rejected with {@link IllegalArgumentException}.
 */
public record Signal(SignalType type, Map<String, Object> payload, Instant timestamp) {

    static final String SIGNAL_TYPE = "signal_type";
    static final String PAYLOAD = "payload";
    static final String TIMESTAMP = "timestamp";

    public Signal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(timestamp, "timestamp");
        payload = JsonTree.freezeObject(payload, "payload");
    }

    /** Same as the constructor, for payloads typed more narrowly than {@code Map<String, Object>}. */
    @SuppressWarnings("unchecked")
    public static Signal of(SignalType type, Map<String, ?> payload, Instant timestamp) {
        return new Signal(type, (Map<String, Object>) payload, timestamp);
    }

    /** A signal that carries nothing but its type (a trigger). */
    public static Signal empty(SignalType type, Instant timestamp) {
        return new Signal(type, JsonTree.emptyObject(), timestamp);
    }

    /**
     * The wire document {@code {"signal_type": "...", "payload": {...}, "timestamp": "ISO-8601"}},
     * as plain maps for an adapter to serialise. The payload is shared, not copied: it is immutable.
     */
    public Map<String, Object> toDocument() {
        var document = new LinkedHashMap<String, Object>(4);
        document.put(SIGNAL_TYPE, type.name());
        document.put(PAYLOAD, payload);
        document.put(TIMESTAMP, timestamp.toString());
        return Collections.unmodifiableMap(document);
    }

    /**
     * Reads a wire document produced by {@link #toDocument()} (after JSON parsing). The signal type
     * is accepted in any letter case; the timestamp as described by ISO-8601, a missing offset
     * meaning UTC. Unknown extra fields are ignored.
     *
     * @throws MalformedSignalException naming the field that is missing or wrong
     */
    public static Signal fromDocument(Map<String, ?> document) {
        Objects.requireNonNull(document, "document");
        Object typeValue = document.get(SIGNAL_TYPE);
        if (!(typeValue instanceof String typeName)) {
            throw new MalformedSignalException("signal document: '" + SIGNAL_TYPE + "' "
                    + (typeValue == null ? "is missing" : "must be a string (was " + Timestamps.describe(typeValue) + ")"));
        }
        SignalType type;
        try {
            type = SignalType.of(typeName);
        } catch (IllegalArgumentException e) {
            throw new MalformedSignalException("signal document: '" + SIGNAL_TYPE + "': " + e.getMessage(), e);
        }
        Object payloadValue = document.get(PAYLOAD);
        if (!(payloadValue instanceof Map<?, ?> payloadMap)) {
            throw new MalformedSignalException("signal document: '" + PAYLOAD + "' "
                    + (payloadValue == null ? "is missing" : "must be a JSON object (was " + Timestamps.describe(payloadValue) + ")"));
        }
        Map<String, Object> payload;
        try {
            payload = JsonTree.freezeObject(payloadMap, PAYLOAD);
        } catch (IllegalArgumentException e) {
            throw new MalformedSignalException("signal document: " + e.getMessage(), e);
        }
        if (!document.containsKey(TIMESTAMP)) {
            throw new MalformedSignalException("signal document: '" + TIMESTAMP + "' is missing");
        }
        Instant timestamp = Timestamps.parse(document.get(TIMESTAMP), "signal document: '" + TIMESTAMP + "'");
        return new Signal(type, payload, timestamp);
    }
}
