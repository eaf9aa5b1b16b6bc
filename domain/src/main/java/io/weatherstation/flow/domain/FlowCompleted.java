package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A run-once flow finished its cycle.
 *
 * @param lastCycle the last cycle the flow claimed (null only if it never claimed one)
 */
public record FlowCompleted(FlowId flowId, @Nullable CycleNumber lastCycle, Instant occurredAt) implements FlowEvent {

    public FlowCompleted {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
