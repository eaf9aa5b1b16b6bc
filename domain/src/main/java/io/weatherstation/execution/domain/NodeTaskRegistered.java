package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Instant;
import java.util.Objects;

/** A node task was registered for a new cycle (status {@code registered}). */
public record NodeTaskRegistered(NodeTaskId id, String nodeType, ComponentId component, Instant at)
        implements NodeTaskEvent {

    public NodeTaskRegistered {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(at, "at");
    }
}
