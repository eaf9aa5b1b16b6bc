package io.weatherstation.flow.application.port.in;

import io.weatherstation.shared.domain.FlowId;

/** The flow does not exist (never registered, or deleted). */
public final class FlowNotFoundException extends RuntimeException {

    private final FlowId flowId;

    public FlowNotFoundException(FlowId flowId) {
        super("flow " + flowId + " does not exist");
        this.flowId = flowId;
    }

    public FlowId flowId() {
        return flowId;
    }
}
