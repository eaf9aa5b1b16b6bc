package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.shared.domain.FlowId;

/** The component or node to pause or resume is not part of the flow. Nothing changed. */
public final class PauseTargetNotFoundException extends RuntimeException {

    private final FlowId flowId;
    private final PauseTarget target;

    public PauseTargetNotFoundException(FlowId flowId, PauseTarget target) {
        super(target + " is not part of flow " + flowId);
        this.flowId = flowId;
        this.target = target;
    }

    public FlowId flowId() {
        return flowId;
    }

    public PauseTarget target() {
        return target;
    }
}
