package io.weatherstation.journal.domain;

import io.weatherstation.shared.domain.FlowId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A filtered, ordered page of log lines. {@code nodeId} {@code "system"} selects lines without a
 * node (scheduler and system lines), as the original API did.
 */
public record LogQuery(
        FlowId flowId,
        @Nullable Long cycle,
        @Nullable String nodeId,
        @Nullable LogLevel level,
        @Nullable LogSource source,
        int limit,
        int offset,
        OrderBy orderBy,
        boolean descending) {

    public static final int MAX_LIMIT = 1000;
    public static final String SYSTEM_NODE = "system";

    public LogQuery {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(orderBy, "orderBy");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (was " + limit + ")");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0 (was " + offset + ")");
        }
    }

    public static LogQuery forCycle(FlowId flowId, long cycle, int limit, int offset) {
        return new LogQuery(flowId, cycle, null, null, null, limit, offset, OrderBy.CREATED_AT, false);
    }

    /** Sort keys the API accepts. */
    public enum OrderBy { CREATED_AT, LOG_LEVEL, CYCLE, NODE_ID, LOG_SOURCE }
}
