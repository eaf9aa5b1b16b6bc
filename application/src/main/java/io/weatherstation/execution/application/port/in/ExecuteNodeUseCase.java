package io.weatherstation.execution.application.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs one node of a given type in isolation, outside any flow or cycle: to try a node's
 * configuration before putting it in a flow. Nothing is stored and no signal is sent.
 */
public interface ExecuteNodeUseCase {

    /**
     * Validates and resolves the configuration exactly as flow registration does (defaults filled,
     * values coerced, bounds checked), then runs the node with the given inputs under its timeout.
     * A node that fails or times out is an outcome ({@link Outcome#FAILED}), not an exception.
     *
     * @throws io.weatherstation.catalog.application.NodeTypeNotFoundException when the type is not registered
     * @throws InvalidNodeConfigException listing every problem with the request
     */
    NodeExecution execute(ExecuteNodeCommand command);

    /**
     * @param nodeType       a registered node type
     * @param config         the node's parameters as a JSON tree (an object), or null for defaults only
     * @param inputs         values per input handle as a JSON tree (an object), or null for none
     * @param timeoutSeconds as in Weather Syntax's {@code timeout_seconds}, or null for the default (300 s)
     */
    record ExecuteNodeCommand(String nodeType, @Nullable Object config, @Nullable Object inputs,
            @Nullable Object timeoutSeconds) {

        public ExecuteNodeCommand {
            Objects.requireNonNull(nodeType, "nodeType");
        }
    }

    /** How an isolated execution ended. */
    enum Outcome {
        /** The node returned values (possibly none). */
        COMPLETED,
        /** The node threw, or ran past its timeout. */
        FAILED,
        /** The node asked to stop execution of its component (see {@code stopReason}). */
        STOPPED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param outputs    values per output handle (empty unless completed)
     * @param stopReason why the node stopped execution (only when stopped)
     * @param error      the failure (only when failed)
     * @param logs       what the node logged, oldest first
     */
    record NodeExecution(String nodeType, Outcome outcome, Map<String, Object> outputs, @Nullable String stopReason,
            @Nullable String error, List<LogLine> logs, Instant startedAt, Duration duration) {

        public NodeExecution {
            Objects.requireNonNull(nodeType, "nodeType");
            Objects.requireNonNull(outcome, "outcome");
            outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
            logs = List.copyOf(logs);
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** One line a node logged while running in isolation. */
    record LogLine(Instant timestamp, String level, String message) {

        public LogLine {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(message, "message");
        }
    }
}
