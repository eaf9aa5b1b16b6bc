package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Objects;

/**
 * A running flow was stopped: no further cycles start.
 *
 * @param terminate whether the cycles still running are to be terminated too (their unfinished
 *                  node tasks end {@code terminated}); when false they are left to finish
 */
public record FlowStopped(FlowId flowId, boolean terminate, Instant occurredAt) implements FlowEvent {

    public FlowStopped {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
