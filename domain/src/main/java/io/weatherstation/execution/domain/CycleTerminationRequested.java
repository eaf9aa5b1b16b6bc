package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Objects;

/** The user stopped the flow with termination while this cycle ran: it will end {@code terminated} unless a task failed. */
public record CycleTerminationRequested(FlowId flowId, CycleNumber number, Instant at) implements CycleEvent {

    public CycleTerminationRequested {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(at, "at");
    }
}
