package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.shared.domain.FlowId;

/** A resume request that cannot be applied as asked (input data for a non-node target, an unknown handle). Nothing changed. */
public final class InvalidResumeException extends IllegalArgumentException {

    private final FlowId flowId;
    private final PauseTarget target;

    public InvalidResumeException(FlowId flowId, PauseTarget target, String message) {
        super(message);
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
