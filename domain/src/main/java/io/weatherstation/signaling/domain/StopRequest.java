package io.weatherstation.signaling.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The payload of a STOP_EXECUTION broadcast: which component of the cycle stops, why, and which
 * node asked. Components are isolated, so the component is part of the request even though the
 * routing key ({@link StopRoute}) addresses the whole cycle.
 */
public record StopRequest(ComponentId component, String reason, NodeId sourceNode, Instant at) {

    static final String COMPONENT_ID = "component_id";
    static final String REASON = "reason";
    static final String SOURCE_NODE = "source_node";
    static final String TIMESTAMP = "timestamp";

    public StopRequest {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sourceNode, "sourceNode");
        Objects.requireNonNull(at, "at");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a stop request needs a reason");
        }
    }

    /** {@code {"component_id": 0, "reason": "...", "source_node": "...", "timestamp": "ISO-8601"}}. */
    public Map<String, Object> toPayload() {
        var payload = new LinkedHashMap<String, Object>(5);
        payload.put(COMPONENT_ID, component.value());
        payload.put(REASON, reason);
        payload.put(SOURCE_NODE, sourceNode.value());
        payload.put(TIMESTAMP, at.toString());
        return Collections.unmodifiableMap(payload);
    }

    /** The STOP_EXECUTION signal that carries this request. */
    public Signal toSignal() {
        return Signal.of(SignalType.STOP_EXECUTION, toPayload(), at);
    }

    /**
     * Reads a stop payload. {@code component_id} may be an integral number or its decimal string.
     *
     * @throws MalformedSignalException naming the field that is missing or wrong
     */
    public static StopRequest fromPayload(Map<String, ?> payload) {
        Objects.requireNonNull(payload, "payload");
        ComponentId component = component(payload.get(COMPONENT_ID));
        String reason = text(payload, REASON);
        NodeId source;
        try {
            source = NodeId.of(text(payload, SOURCE_NODE));
        } catch (IllegalArgumentException e) {
            throw new MalformedSignalException("stop payload: '" + SOURCE_NODE + "': " + e.getMessage(), e);
        }
        if (!payload.containsKey(TIMESTAMP)) {
            throw new MalformedSignalException("stop payload: '" + TIMESTAMP + "' is missing");
        }
        Instant at = Timestamps.parse(payload.get(TIMESTAMP), "stop payload: '" + TIMESTAMP + "'");
        if (reason.isBlank()) {
            throw new MalformedSignalException("stop payload: '" + REASON + "' must not be blank");
        }
        return new StopRequest(component, reason, source, at);
    }

    /** Reads the request carried by a STOP_EXECUTION signal. */
    public static StopRequest fromSignal(Signal signal) {
        if (!signal.type().isStopExecution()) {
            throw new MalformedSignalException("expected a " + SignalType.STOP_EXECUTION + " signal (was " + signal.type() + ")");
        }
        return fromPayload(signal.payload());
    }

    private static ComponentId component(Object value) {
        try {
            return switch (value) {
                case Integer number -> ComponentId.of(number);
                case Long number when number == number.intValue() -> ComponentId.of(number.intValue());
                case Short number -> ComponentId.of(number);
                case Byte number -> ComponentId.of(number);
                case String text -> ComponentId.parse(text);
                case null -> throw new MalformedSignalException("stop payload: '" + COMPONENT_ID + "' is missing");
                default -> throw new MalformedSignalException("stop payload: '" + COMPONENT_ID
                        + "' must be a non-negative integer (was " + Timestamps.describe(value) + ")");
            };
        } catch (MalformedSignalException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedSignalException("stop payload: '" + COMPONENT_ID + "': " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, ?> payload, String field) {
        Object value = payload.get(field);
        if (value instanceof String text) {
            return text;
        }
        throw new MalformedSignalException("stop payload: '" + field + "' "
                + (value == null ? "is missing" : "must be a string (was " + Timestamps.describe(value) + ")"));
    }
}
