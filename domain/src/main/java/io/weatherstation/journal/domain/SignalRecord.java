package io.weatherstation.journal.domain;

import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A signal as sent: flow, cycle, component, source node/handle, target node/handle
 * ({@code "*"} for a wildcard send), type and payload.
 */
public record SignalRecord(
        FlowId flowId,
        long cycle,
        int componentId,
        String sourceNode,
        String sourceHandle,
        String targetNode,
        String targetHandle,
        String signalType,
        Map<String, Object> payload,
        Instant createdAt) {

    public SignalRecord {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(sourceNode, "sourceNode");
        Objects.requireNonNull(sourceHandle, "sourceHandle");
        Objects.requireNonNull(targetNode, "targetNode");
        Objects.requireNonNull(targetHandle, "targetHandle");
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
