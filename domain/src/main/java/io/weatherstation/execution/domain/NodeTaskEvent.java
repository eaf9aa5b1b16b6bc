package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Instant;

/** Something that happened to a node task; pulled from the aggregate and published by the application layer. */
public sealed interface NodeTaskEvent permits NodeTaskRegistered, NodeTaskStatusChanged {

    NodeTaskId id();

    Instant at();
}
