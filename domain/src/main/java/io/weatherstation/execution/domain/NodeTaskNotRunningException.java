package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.NodeTaskId;

/** Progress was reported for a node task that has not started (or went back to pending). */
public final class NodeTaskNotRunningException extends IllegalStateException {

    private final NodeTaskId taskId;
    private final NodeTaskStatus status;

    public NodeTaskNotRunningException(NodeTaskId taskId, NodeTaskStatus status) {
        super("node task " + taskId.display() + " is " + status.wireName() + ", not running; cannot report progress");
        this.taskId = taskId;
        this.status = status;
    }

    public NodeTaskId taskId() {
        return taskId;
    }

    public NodeTaskStatus status() {
        return status;
    }
}
