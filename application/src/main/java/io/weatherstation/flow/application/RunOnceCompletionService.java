package io.weatherstation.flow.application;

import io.weatherstation.flow.application.port.in.HandleCycleEndUseCase;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.out.CycleLauncher;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;

/** A run-once flow ({@code interval} 0) becomes {@code completed} when its scheduled cycle ends. */
public final class RunOnceCompletionService implements HandleCycleEndUseCase {

    private final FlowRepository flows;
    private final QueryFlowsUseCase reader;

    public RunOnceCompletionService(FlowRepository flows, QueryFlowsUseCase reader) {
        this.flows = flows;
        this.reader = reader;
    }

    @Override
    public void cycleEnded(FlowId flowId, CycleNumber cycle, CycleLauncher.Trigger trigger, Instant at) {
        if (trigger != CycleLauncher.Trigger.SCHEDULE) {
            return;
        }
        boolean runOnce = reader.load(flowId).map(f -> !f.definition().schedule().periodic()).orElse(false);
        if (!runOnce) {
            return;
        }
        flows.update(flowId, flow -> {
            if (flow.status() == FlowStatus.RUNNING) {
                flow.complete(at);
                flow.pullEvents();
            }
            return null;
        });
    }
}
