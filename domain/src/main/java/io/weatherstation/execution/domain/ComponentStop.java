package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.Objects;

/** A node stopped the execution of its component for one cycle (SPEC §4.5). */
public record ComponentStop(ComponentId component, String reason, NodeId sourceNode, Instant at) {

    public ComponentStop {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sourceNode, "sourceNode");
        Objects.requireNonNull(at, "at");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a component stop needs a reason");
        }
    }
}
