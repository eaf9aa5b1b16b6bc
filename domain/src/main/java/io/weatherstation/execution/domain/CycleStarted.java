package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A cycle started with these nodes. */
public record CycleStarted(FlowId flowId, CycleNumber number, Set<NodeId> nodes, Instant startTime) implements CycleEvent {

    public CycleStarted {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(startTime, "startTime");
        nodes = Set.copyOf(nodes);
    }
}
