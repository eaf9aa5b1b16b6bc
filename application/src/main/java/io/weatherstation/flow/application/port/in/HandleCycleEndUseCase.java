package io.weatherstation.flow.application.port.in;

import io.weatherstation.flow.application.port.out.CycleLauncher;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;

/** Told by the execution slice when a cycle has ended, so a run-once flow can complete. */
public interface HandleCycleEndUseCase {

    void cycleEnded(FlowId flowId, CycleNumber cycle, CycleLauncher.Trigger trigger, Instant at);
}
