package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.util.Objects;

/** A node stopped its component for this cycle: its unfinished tasks are to be terminated, a STOP_EXECUTION broadcast. */
public record ComponentStopped(FlowId flowId, CycleNumber number, ComponentStop stop) implements CycleEvent {

    public ComponentStopped {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(stop, "stop");
    }
}
