package io.weatherstation.journal.domain;

import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a flow's execution log. {@code cycle} is -1 for lines outside any cycle (flow
 * lifecycle, partial runs); {@code nodeId} is null for scheduler and system lines.
 */
public record LogEntry(
        FlowId flowId,
        long cycle,
        @Nullable NodeId nodeId,
        LogLevel level,
        LogSource source,
        String message,
        Map<String, Object> metadata,
        Instant createdAt) {

    public LogEntry {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
