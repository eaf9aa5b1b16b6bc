package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A flow started running (first start, restart after a stop, or again after completing).
 *
 * @param previousStatus  the status it was started from
 * @param firstExecution  when its first cycle is due; null when the scheduler decides
 */
public record FlowStarted(
        FlowId flowId, FlowStatus previousStatus, @Nullable Instant firstExecution, Instant occurredAt)
        implements FlowEvent {

    public FlowStarted {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(previousStatus, "previousStatus");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
