package io.weatherstation.flow.application.port.in;

import io.weatherstation.flow.domain.Flow;
import io.weatherstation.shared.domain.FlowId;

/** Start, stop and delete flows. */
public interface ControlFlowUseCase {

    /**
     * Starts the schedule: the first cycle starts now (with a cron schedule, at the first time
     * the expression matches).
     *
     * @throws FlowNotFoundException when there is no such flow
     * @throws io.weatherstation.flow.domain.IllegalFlowTransitionException when it is running already
     */
    Flow start(FlowId flowId);

    /**
     * Stops the schedule. With {@code terminate}, unfinished tasks of running cycles are terminated
     * too; without it they run to their end.
     */
    Flow stop(FlowId flowId, boolean terminate);

    /** Deletes the flow and all of its state; terminates what still runs. */
    void delete(FlowId flowId);
}
