package io.weatherstation.signaling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.HandleName;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WildcardSignalsTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:15:30Z");
    private static final HandleName PRICES = HandleName.of("prices");
    private static final HandleName CONTEXT = HandleName.of("context");

    @Test
    void oneMessageCarriesAPayloadPerTargetHandle() {
        var payloads = new LinkedHashMap<HandleName, Map<String, Object>>();
        payloads.put(PRICES, Map.of("close", 1.5));
        payloads.put(CONTEXT, Map.of("note", "n"));

        Signal wildcard = WildcardSignals.combine(SignalType.JSON_DATA, payloads, AT);

        assertThat(wildcard.payload()).isEqualTo(Map.of("prices", Map.of("close", 1.5), "context", Map.of("note", "n")));
    }

    @Test
    void splitsIntoOneSignalPerHandleWithTheSameTypeAndTime() {
        Signal wildcard = WildcardSignals.combine(SignalType.PRICE_DATA,
                Map.of(PRICES, Map.of("close", 1.5), CONTEXT, Map.of("note", "n")), AT);

        Map<HandleName, Signal> parts = WildcardSignals.split(wildcard, List.of(PRICES, CONTEXT));

        assertThat(parts).containsOnlyKeys(PRICES, CONTEXT);
        assertThat(parts.get(PRICES)).isEqualTo(Signal.of(SignalType.PRICE_DATA, Map.of("close", 1.5), AT));
        assertThat(parts.get(CONTEXT)).isEqualTo(Signal.of(SignalType.PRICE_DATA, Map.of("note", "n"), AT));
    }

    @Test
    void splitIgnoresEntriesForHandlesNotAskedFor() {
        Signal wildcard = WildcardSignals.combine(SignalType.JSON_DATA,
                Map.of(PRICES, Map.of(), CONTEXT, Map.of()), AT);

        assertThat(WildcardSignals.split(wildcard, List.of(PRICES))).containsOnlyKeys(PRICES);
    }

    @Test
    void splitRejectsAMissingOrNonObjectEntry() {
        Signal missing = Signal.of(SignalType.JSON_DATA, Map.of("prices", Map.of()), AT);
        Signal scalar = Signal.of(SignalType.JSON_DATA, Map.of("prices", Map.of(), "context", 42), AT);

        assertThatThrownBy(() -> WildcardSignals.split(missing, List.of(PRICES, CONTEXT)))
                .isInstanceOf(MalformedSignalException.class)
                .hasMessageContaining("'context' is missing");
        assertThatThrownBy(() -> WildcardSignals.split(scalar, List.of(PRICES, CONTEXT)))
                .isInstanceOf(MalformedSignalException.class)
                .hasMessageContaining("'context' must be a JSON object (was a Integer)");
    }

    @Test
    void combineNeedsAHandle() {
        assertThatThrownBy(() -> WildcardSignals.combine(SignalType.JSON_DATA, Map.of(), AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
