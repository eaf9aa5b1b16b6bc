package io.weatherstation.execution.application.port.in;

import io.weatherstation.shared.domain.FlowId;

/** A cycle was not started: the flow's overlap policy refused it. */
public final class CycleRefusedException extends RuntimeException {

    private final FlowId flowId;

    public CycleRefusedException(FlowId flowId, String reason) {
        super("no cycle of flow " + flowId + " was started: " + reason);
        this.flowId = flowId;
    }

    public FlowId flowId() {
        return flowId;
    }
}
