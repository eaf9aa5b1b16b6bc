package io.weatherstation.execution.application.port.out;

import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseState;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.shared.domain.FlowId;
import java.util.Optional;

/**
 * The pauses in force, per flow, shared by every instance and kept across restarts. Each change
 * is atomic: of two concurrent pauses of one target exactly one wins, and so does one of two
 * concurrent resumes.
 */
public interface PauseRegistry {

    /** Every pause in force on the flow (read on every task start: must be cheap). */
    PauseState state(FlowId flowId);

    /** Records the pause unless its target is paused already; returns whether it did. */
    boolean add(FlowId flowId, Pause pause);

    /** Removes the pause of {@code target}; returns it, or empty when it was not paused. */
    Optional<Pause> remove(FlowId flowId, PauseTarget target);

    /** Drops every pause of the flow (it was deleted). */
    void forgetFlow(FlowId flowId);
}
