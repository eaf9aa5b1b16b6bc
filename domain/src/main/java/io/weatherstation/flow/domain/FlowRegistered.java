package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Objects;

/** A new flow was stored; it is {@code registered} and not yet scheduled. */
public record FlowRegistered(FlowId flowId, long definitionVersion, int componentCount, Instant occurredAt)
        implements FlowEvent {

    public FlowRegistered {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
