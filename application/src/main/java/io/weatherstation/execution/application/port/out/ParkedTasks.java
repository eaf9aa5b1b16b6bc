package io.weatherstation.execution.application.port.out;

import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.List;
import java.util.Optional;

/**
 * The assignments of tasks a pause holds (status {@code paused}), with their inputs, so that any
 * instance can release them on resume. Taking one out is atomic: a held task is released once.
 */
public interface ParkedTasks {

    /** Keeps the assignment until it is taken (replaces an earlier one of the same task). */
    void park(TaskAssignment assignment);

    /** Removes and returns the task's assignment; empty when it is not parked (or was taken already). */
    Optional<TaskAssignment> take(NodeTaskId task);

    /** The flow's parked assignments, in no particular order. */
    List<TaskAssignment> parked(FlowId flowId);

    /** Drops every parked assignment of the flow (it was deleted). */
    void forgetFlow(FlowId flowId);
}
