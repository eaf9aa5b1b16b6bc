package io.weatherstation.execution.application.port.out;

import io.weatherstation.execution.application.port.out.CycleSetups.CycleSetup;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.PauseState;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.Optional;

/**
 * The reads the engine makes before it acts on a signal or starts a task, made together: each
 * part is what {@link CycleSetups#find}, {@link CycleRepository#find}, {@link TerminationFlags#requested}
 * and {@link PauseRegistry#state} return, and a store that can read them in one request does
 * (the distributed mode reads them in one script instead of four round trips).
 */
public interface ExecutionReads {

    /** The cycle's setup and the cycle itself. */
    CycleView cycle(FlowId flowId, CycleNumber cycle);

    /** The task's cycle setup and cycle, its termination request and the pauses of its flow. */
    TaskStart taskStart(NodeTaskId task);

    record CycleView(Optional<CycleSetup> setup, Optional<Cycle> cycle) {
    }

    record TaskStart(Optional<CycleSetup> setup, Optional<Cycle> cycle, Optional<String> termination,
            PauseState pauses) {
    }
}
