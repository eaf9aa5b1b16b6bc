package io.weatherstation.execution.application.port.out;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A ready task on its way to a worker, with its assembled inputs.
 *
 * @param redelivered true when the transport hands this assignment out again because an earlier
 *                    delivery was never acknowledged (its worker died or lost its connection): the
 *                    task may still be recorded as {@code running} by a worker that is gone
 */
public record TaskAssignment(NodeTaskId task, String nodeType, ComponentId component, Map<String, Object> inputs,
        int attempt, boolean redelivered) {

    public TaskAssignment {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(component, "component");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1");
        }
    }

    /** A first delivery. */
    public TaskAssignment(NodeTaskId task, String nodeType, ComponentId component, Map<String, Object> inputs,
            int attempt) {
        this(task, nodeType, component, inputs, attempt, false);
    }

    /** The next attempt after a failed one: a new dispatch, not a redelivery. */
    public TaskAssignment nextAttempt() {
        return new TaskAssignment(task, nodeType, component, inputs, attempt + 1, false);
    }

    /** The same assignment, as the transport delivers it again. */
    public TaskAssignment asRedelivered() {
        return new TaskAssignment(task, nodeType, component, inputs, attempt, true);
    }
}
