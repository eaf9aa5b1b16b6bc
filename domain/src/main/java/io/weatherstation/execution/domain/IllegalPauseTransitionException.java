package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.FlowId;

/** Pausing what is paused already, or resuming what is not paused. Nothing changed. */
public final class IllegalPauseTransitionException extends RuntimeException {

    private final FlowId flowId;
    private final PauseTarget target;
    private final String attempted;

    public IllegalPauseTransitionException(FlowId flowId, PauseTarget target, String attempted, String why) {
        super("cannot " + attempted + " " + target + " of flow " + flowId + ": " + why);
        this.flowId = flowId;
        this.target = target;
        this.attempted = attempted;
    }

    public FlowId flowId() {
        return flowId;
    }

    public PauseTarget target() {
        return target;
    }

    /** {@code pause} or {@code resume}. */
    public String attempted() {
        return attempted;
    }
}
