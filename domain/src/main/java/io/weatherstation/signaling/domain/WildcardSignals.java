package io.weatherstation.signaling.domain;

import io.weatherstation.shared.domain.HandleName;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The payload convention of a wildcard send: where one source handle feeds several input
 * handles of the same target node, one message goes to {@code ...handle.*}, its payload an
 * object keyed by target handle name whose values are the per-handle payloads (JSON objects).
 */
public final class WildcardSignals {

    private WildcardSignals() {
    }

    /** Packs per-handle payloads into one wildcard signal. */
    public static Signal combine(SignalType type, Map<HandleName, ? extends Map<String, ?>> payloads, Instant timestamp) {
        Objects.requireNonNull(payloads, "payloads");
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("a wildcard signal needs at least one target handle");
        }
        var combined = new LinkedHashMap<String, Object>();
        payloads.forEach((handle, payload) -> combined.put(handle.value(), payload));
        return Signal.of(type, combined, timestamp);
    }

    /**
     * Unpacks a wildcard signal into one signal per target handle (same type and timestamp).
     * Entries for handles not asked for are ignored.
     *
     * @throws MalformedSignalException if an asked-for handle has no entry, or its entry is not a
     *                                  JSON object — nothing is returned in that case, so a caller
     *                                  never records half a wildcard message
     */
    public static Map<HandleName, Signal> split(Signal wildcard, Collection<HandleName> targetHandles) {
        Objects.requireNonNull(wildcard, "wildcard");
        Objects.requireNonNull(targetHandles, "targetHandles");
        var parts = new LinkedHashMap<HandleName, Signal>();
        for (HandleName handle : targetHandles) {
            Object entry = wildcard.payload().get(handle.value());
            if (!(entry instanceof Map<?, ?> payload)) {
                throw new MalformedSignalException("wildcard signal: payload entry for target handle '" + handle + "' "
                        + (entry == null ? "is missing" : "must be a JSON object (was " + Timestamps.describe(entry) + ")")
                        + "; entries present: " + wildcard.payload().keySet());
            }
            // Entries of a frozen payload are frozen objects with string keys: reused, not copied.
            @SuppressWarnings("unchecked")
            Map<String, Object> part = (Map<String, Object>) payload;
            parts.put(handle, new Signal(wildcard.type(), part, wildcard.timestamp()));
        }
        return Collections.unmodifiableMap(parts);
    }
}
