package io.weatherstation.execution.domain;

import io.weatherstation.signaling.domain.Signal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one input handle has received so far in a cycle: a signal per delivered edge and a skip
 * marker per edge that will deliver nothing. An edge is in at most one of the two.
 */
public record HandleArrivals(Map<EdgeKey, Signal> signals, Map<EdgeKey, SkipReason> skipped) {

    private static final HandleArrivals NONE = new HandleArrivals(Map.of(), Map.of());

    public HandleArrivals {
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(signals, "signals")));
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(skipped, "skipped")));
        for (EdgeKey edge : skipped.keySet()) {
            if (signals.containsKey(edge)) {
                throw new IllegalArgumentException("edge " + edge + " both delivered a signal and was skipped");
            }
        }
    }

    public static HandleArrivals none() {
        return NONE;
    }

    public static HandleArrivals signals(Map<EdgeKey, Signal> signals) {
        return new HandleArrivals(signals, Map.of());
    }

    /** True when the edge delivered or was skipped. */
    public boolean hasResolved(EdgeKey edge) {
        return signals.containsKey(edge) || skipped.containsKey(edge);
    }
}
