package io.weatherstation.execution.application.port.in;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;

/** Runs one cycle of a flow now, outside its schedule (it still takes the next cycle number). */
public interface RunCycleNowUseCase {

    /**
     * @throws io.weatherstation.flow.application.port.in.FlowNotFoundException when there is no such flow
     * @throws CycleRefusedException when {@code max_concurrent_cycles} cycles are running already
     */
    CycleNumber runNow(FlowId flowId);
}
