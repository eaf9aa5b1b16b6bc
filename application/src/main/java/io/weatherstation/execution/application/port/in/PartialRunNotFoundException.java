package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.shared.domain.FlowId;

/** The flow has no such partial run (never started, or beyond retention). */
public final class PartialRunNotFoundException extends RuntimeException {

    private final FlowId flowId;
    private final PartialRunId runId;

    public PartialRunNotFoundException(FlowId flowId, PartialRunId runId) {
        super("flow " + flowId + " has no partial run " + runId);
        this.flowId = flowId;
        this.runId = runId;
    }

    public FlowId flowId() {
        return flowId;
    }

    public PartialRunId runId() {
        return runId;
    }
}
