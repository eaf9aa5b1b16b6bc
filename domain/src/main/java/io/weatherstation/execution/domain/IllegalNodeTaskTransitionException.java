package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.NodeTaskId;
import java.util.Set;
import java.util.stream.Collectors;

/** A node task was asked to move to a status its current status does not lead to. */
public final class IllegalNodeTaskTransitionException extends IllegalStateException {

    private final NodeTaskId taskId;
    private final NodeTaskStatus from;
    private final NodeTaskStatus to;

    /**
     * @param attempted what was asked, as a verb phrase ("skip", "be retried")
     * @param sources   the statuses that request starts from
     */
    public IllegalNodeTaskTransitionException(NodeTaskId taskId, NodeTaskStatus from, NodeTaskStatus to,
                                              String attempted, Set<NodeTaskStatus> sources) {
        super("node task " + taskId.display() + " cannot " + attempted + " while " + from.wireName()
                + " (" + attempted + " goes from " + sources.stream().sorted().map(NodeTaskStatus::wireName)
                .collect(Collectors.joining(" or ")) + " to " + to.wireName() + ")");
        this.taskId = taskId;
        this.from = from;
        this.to = to;
    }

    public NodeTaskId taskId() {
        return taskId;
    }

    public NodeTaskStatus from() {
        return from;
    }

    public NodeTaskStatus to() {
        return to;
    }
}
