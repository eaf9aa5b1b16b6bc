package io.weatherstation.flow.application.port.out;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Optional;

/** Starts and ends cycles of a flow (implemented by the execution slice). */
public interface CycleLauncher {

    /**
     * Starts the next cycle of the flow unless the overlap policy refuses it, or the trigger is
     * the schedule and the flow is no longer running (it was stopped while the tick fired).
     *
     * @return the cycle started, or empty with the tick skipped (an overlap is journaled)
     */
    Optional<CycleNumber> launch(FlowId flowId, Instant scheduledAt, Trigger trigger);

    /** Terminates every unfinished task of the flow's running cycles. */
    void terminateRunningCycles(FlowId flowId, String reason);

    /** Number of the flow's cycles that are still running. */
    int runningCycles(FlowId flowId);

    /** Drops every piece of run-time state of the flow (it was deleted). */
    void forget(FlowId flowId);

    /** Why a cycle starts. */
    enum Trigger { SCHEDULE, MANUAL }
}
