package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A node task changed status.
 *
 * @param message the error (failed, retry) or reason (terminated, skipped); null otherwise
 */
public record NodeTaskStatusChanged(NodeTaskId id, NodeTaskStatus from, NodeTaskStatus to,
                                    @Nullable String message, Instant at) implements NodeTaskEvent {

    public NodeTaskStatusChanged {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
