package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.NodeTaskId;

/**
 * A finished node task (completed, failed, terminated, skipped) was asked to change. Finished is
 * final: a redelivered task or a late stop must not resurrect it.
 */
public final class NodeTaskAlreadyFinishedException extends IllegalStateException {

    private final NodeTaskId taskId;
    private final NodeTaskStatus status;

    public NodeTaskAlreadyFinishedException(NodeTaskId taskId, NodeTaskStatus status, String attempted) {
        super("node task " + taskId.display() + " is already " + status.wireName() + "; cannot " + attempted);
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
