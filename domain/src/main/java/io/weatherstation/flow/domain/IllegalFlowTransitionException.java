package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.FlowId;

/**
 * An action was asked of a flow whose status does not allow it, e.g. stopping a flow that is not
 * running, or starting one that already runs.
 */
public final class IllegalFlowTransitionException extends RuntimeException {

    private final FlowId flowId;
    private final FlowStatus currentStatus;
    private final FlowAction action;

    public IllegalFlowTransitionException(FlowId flowId, FlowStatus currentStatus, FlowAction action) {
        super("cannot " + action.code() + " flow '" + flowId + "': it is " + currentStatus.code());
        this.flowId = flowId;
        this.currentStatus = currentStatus;
        this.action = action;
    }

    public FlowId flowId() {
        return flowId;
    }

    public FlowStatus currentStatus() {
        return currentStatus;
    }

    public FlowAction action() {
        return action;
    }
}
