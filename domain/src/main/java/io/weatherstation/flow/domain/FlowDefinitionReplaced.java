package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Objects;

/**
 * An existing flow got a new definition. Its status, {@code last_cycle} and creation time are
 * unchanged; cycles started from now on use {@code definitionVersion}.
 */
public record FlowDefinitionReplaced(
        FlowId flowId, long definitionVersion, FlowStatus status, int componentCount, Instant occurredAt)
        implements FlowEvent {

    public FlowDefinitionReplaced {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
