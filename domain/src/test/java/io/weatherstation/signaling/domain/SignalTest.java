package io.weatherstation.signaling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignalTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:15:30.123Z");

    @Test
    void payloadIsCopiedDeeply() {
        var candle = new HashMap<String, Object>(Map.of("close", 101.5));
        var candles = new ArrayList<Object>(List.of(candle));
        var payload = new HashMap<String, Object>(Map.of("symbol", "BTCUSDT", "candles", candles));

        Signal signal = new Signal(SignalType.PRICE_DATA, payload, AT);
        payload.put("symbol", "ETHUSDT");
        candles.add("extra");
        candle.put("close", 0);

        assertThat(signal.payload()).isEqualTo(Map.of("symbol", "BTCUSDT", "candles", List.of(Map.of("close", 101.5))));
    }

    @Test
    void payloadCannotBeChangedAtAnyDepth() {
        Signal signal = Signal.of(SignalType.JSON_DATA,
                Map.of("list", List.of(Map.of("k", "v")), "map", Map.of("k", "v")), AT);

        assertThatThrownBy(() -> signal.payload().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> signal.payload().clear()).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) signal.payload().get("list");
        assertThatThrownBy(() -> list.add(1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) list.getFirst();
        assertThatThrownBy(() -> nested.remove("k")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> signal.payload().entrySet().iterator().next().setValue(2))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void payloadKeepsJsonNullsAndKeyOrder() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("b", null);
        payload.put("a", List.of());
        payload.put("c", new ArrayList<>(java.util.Arrays.asList(1, null, true)));

        Signal signal = new Signal(SignalType.JSON_DATA, payload, AT);

        assertThat(signal.payload().keySet()).containsExactly("b", "a", "c");
        assertThat(signal.payload()).containsEntry("b", null);
        assertThat(signal.payload().get("c")).isEqualTo(java.util.Arrays.asList(1, null, true));
    }

    @Test
    void acceptsEveryJsonNumberKind() {
        Signal signal = Signal.of(SignalType.JSON_DATA, Map.of("i", 1, "l", 2L, "d", 3.5, "f", 4.5f,
                "bi", new BigInteger("123456789012345678901234567890"), "bd", new BigDecimal("0.1")), AT);

        assertThat(signal.payload()).hasSize(6);
    }

    @Test
    void rejectsValuesThatAreNotJson() {
        assertThatThrownBy(() -> Signal.of(SignalType.JSON_DATA, Map.of("when", Instant.EPOCH), AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload.when")
                .hasMessageContaining("not a JSON value");
        assertThatThrownBy(() -> Signal.of(SignalType.JSON_DATA, Map.of("n", List.of(new AtomicLong(1))), AT))
                .hasMessageContaining("payload.n[0]");
        assertThatThrownBy(() -> Signal.of(SignalType.JSON_DATA, Map.of("nan", Double.NaN), AT))
                .hasMessageContaining("not a JSON number");
        assertThatThrownBy(() -> Signal.of(SignalType.JSON_DATA, Map.of("inf", Float.POSITIVE_INFINITY), AT))
                .hasMessageContaining("not a JSON number");
    }

    @Test
    void rejectsNonStringKeys() {
        assertThatThrownBy(() -> Signal.of(SignalType.JSON_DATA, Map.of("m", Map.of(1, "one")), AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys must be strings");
    }

    @Test
    void rejectsAPayloadThatContainsItself() {
        var loop = new HashMap<String, Object>();
        loop.put("self", loop);

        assertThatThrownBy(() -> new Signal(SignalType.JSON_DATA, loop, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper than");
    }

    @Test
    void nestingOfReusedFrozenPayloadsIsStillBounded() {
        Map<String, Object> deep = Map.of();
        for (int i = 0; i < 98; i++) {
            deep = Map.of("d", deep);
        }
        Signal ninetyNine = new Signal(SignalType.JSON_DATA, deep, AT);
        assertThat(ninetyNine.payload()).isEqualTo(deep);
        Signal hundred = Signal.of(SignalType.JSON_DATA, Map.of("d", ninetyNine.payload()), AT);

        assertThatThrownBy(() -> Signal.of(SignalType.JSON_DATA, Map.of("d", hundred.payload()), AT))
                .hasMessageContaining("nested deeper than 100");
    }

    @Test
    void equalSignalsAreEqual() {
        assertThat(Signal.of(SignalType.TEXT, Map.of("text", "hi"), AT))
                .isEqualTo(Signal.of(SignalType.TEXT, new HashMap<>(Map.of("text", "hi")), AT))
                .hasSameHashCodeAs(Signal.of(SignalType.TEXT, Map.of("text", "hi"), AT));
    }

    @Test
    void documentHasTheWireFields() {
        Signal signal = Signal.of(SignalType.PRICE_DATA, Map.of("close", 1.5), AT);

        assertThat(signal.toDocument()).containsExactly(
                Map.entry("signal_type", "PRICE_DATA"),
                Map.entry("payload", Map.of("close", 1.5)),
                Map.entry("timestamp", "2025-03-01T10:15:30.123Z"));
    }

    @Test
    void documentRoundTrips() {
        Signal signal = Signal.of(SignalType.AI_RESPONSE, Map.of("response", "buy", "scores", List.of(1, 2)), AT);

        assertThat(Signal.fromDocument(signal.toDocument())).isEqualTo(signal);
    }

    @Test
    void readsLowerCaseTypesOffsetsAndNaiveTimestampsAsUtc() {
        Signal offset = Signal.fromDocument(Map.of("signal_type", "text", "payload", Map.of(),
                "timestamp", "2025-03-01T18:15:30+08:00"));
        Signal naive = Signal.fromDocument(Map.of("signal_type", "TEXT", "payload", Map.of(),
                "timestamp", "2025-03-01T10:15:30.500"));

        assertThat(offset.type()).isEqualTo(SignalType.TEXT);
        assertThat(offset.timestamp()).isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(naive.timestamp()).isEqualTo(Instant.parse("2025-03-01T10:15:30.500Z"));
    }

    @Test
    void ignoresUnknownDocumentFields() {
        Signal signal = Signal.fromDocument(Map.of("signal_type", "TEXT", "payload", Map.of("t", "x"),
                "timestamp", "2025-03-01T10:15:30Z", "id", "m-1", "source_node", "a"));

        assertThat(signal.payload()).isEqualTo(Map.of("t", "x"));
    }

    @Test
    void documentErrorsNameTheField() {
        Map<String, Object> valid = Map.of("signal_type", "TEXT", "payload", Map.of(), "timestamp", "2025-03-01T10:15:30Z");

        assertMalformed(without(valid, "signal_type"), "'signal_type' is missing");
        assertMalformed(with(valid, "signal_type", 7), "'signal_type' must be a string (was a Integer)");
        assertMalformed(with(valid, "signal_type", "price-data"), "'signal_type'");
        assertMalformed(without(valid, "payload"), "'payload' is missing");
        assertMalformed(with(valid, "payload", List.of()), "'payload' must be a JSON object");
        assertMalformed(with(valid, "payload", Map.of("x", new Object())), "payload.x");
        assertMalformed(without(valid, "timestamp"), "'timestamp' is missing");
        assertMalformed(with(valid, "timestamp", "yesterday"), "'timestamp' is not an ISO-8601 timestamp (was 'yesterday')");
        assertMalformed(with(valid, "timestamp", 1700000000), "'timestamp' must be an ISO-8601 timestamp string");
    }

    private static void assertMalformed(Map<String, Object> document, String message) {
        assertThatThrownBy(() -> Signal.fromDocument(document))
                .isInstanceOf(MalformedSignalException.class)
                .hasMessageContaining(message);
    }

    private static Map<String, Object> without(Map<String, Object> document, String field) {
        var copy = new HashMap<>(document);
        copy.remove(field);
        return copy;
    }

    private static Map<String, Object> with(Map<String, Object> document, String field, Object value) {
        var copy = new HashMap<>(document);
        copy.put(field, value);
        return copy;
    }
}
