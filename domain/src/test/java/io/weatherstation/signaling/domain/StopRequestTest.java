package io.weatherstation.signaling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StopRequestTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:15:30Z");
    private static final StopRequest REQUEST =
            new StopRequest(ComponentId.of(2), "condition not met", NodeId.of("check"), AT);

    @Test
    void payloadNamesComponentReasonSourceAndTime() {
        assertThat(REQUEST.toPayload()).containsExactly(
                Map.entry("component_id", 2),
                Map.entry("reason", "condition not met"),
                Map.entry("source_node", "check"),
                Map.entry("timestamp", "2025-03-01T10:15:30Z"));
    }

    @Test
    void payloadRoundTrips() {
        assertThat(StopRequest.fromPayload(REQUEST.toPayload())).isEqualTo(REQUEST);
    }

    @Test
    void travelsAsAStopExecutionSignal() {
        Signal signal = REQUEST.toSignal();

        assertThat(signal.type()).isEqualTo(SignalType.STOP_EXECUTION);
        assertThat(signal.timestamp()).isEqualTo(AT);
        assertThat(StopRequest.fromSignal(signal)).isEqualTo(REQUEST);
        assertThat(StopRequest.fromSignal(Signal.fromDocument(signal.toDocument()))).isEqualTo(REQUEST);
    }

    @Test
    void acceptsTheComponentAsLongOrDecimalString() {
        assertThat(StopRequest.fromPayload(with("component_id", 2L))).isEqualTo(REQUEST);
        assertThat(StopRequest.fromPayload(with("component_id", "2"))).isEqualTo(REQUEST);
    }

    @Test
    void errorsNameTheField() {
        assertMalformed(without("component_id"), "'component_id' is missing");
        assertMalformed(with("component_id", -1), "'component_id'");
        assertMalformed(with("component_id", 1.5), "'component_id' must be a non-negative integer");
        assertMalformed(with("component_id", 5_000_000_000L), "'component_id' must be a non-negative integer");
        assertMalformed(without("reason"), "'reason' is missing");
        assertMalformed(with("reason", " "), "'reason' must not be blank");
        assertMalformed(with("source_node", "a.b"), "'source_node'");
        assertMalformed(with("source_node", 3), "'source_node' must be a string");
        assertMalformed(without("timestamp"), "'timestamp' is missing");
        assertMalformed(with("timestamp", "soon"), "'timestamp' is not an ISO-8601 timestamp");
    }

    @Test
    void onlyStopSignalsCarryStopRequests() {
        Signal text = Signal.of(SignalType.TEXT, REQUEST.toPayload(), AT);

        assertThatThrownBy(() -> StopRequest.fromSignal(text))
                .isInstanceOf(MalformedSignalException.class)
                .hasMessageContaining("expected a STOP_EXECUTION signal");
    }

    @Test
    void needsAReason() {
        assertThatThrownBy(() -> new StopRequest(ComponentId.of(0), " ", NodeId.of("n"), AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertMalformed(Map<String, Object> payload, String message) {
        assertThatThrownBy(() -> StopRequest.fromPayload(payload))
                .isInstanceOf(MalformedSignalException.class)
                .hasMessageContaining(message);
    }

    private static Map<String, Object> with(String field, Object value) {
        var copy = new HashMap<>(REQUEST.toPayload());
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(String field) {
        var copy = new HashMap<>(REQUEST.toPayload());
        copy.remove(field);
        return copy;
    }
}
