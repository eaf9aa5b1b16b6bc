package io.weatherstation.execution.application.port.out;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.Map;
import java.util.Objects;

/** A ready task on its way to a worker, with its assembled inputs. */
public record TaskAssignment(NodeTaskId task, String nodeType, ComponentId component, Map<String, Object> inputs,
        int attempt) {

    public TaskAssignment {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(component, "component");
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1");
        }
    }

    public TaskAssignment nextAttempt() {
        return new TaskAssignment(task, nodeType, component, inputs, attempt + 1);
    }
}
