package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.application.port.out.ExecutionReads;
import io.weatherstation.execution.application.port.out.PauseRegistry;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The engine's combined reads, from the in-memory stores (each read is a map lookup already). */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryExecutionReadsAdapter implements ExecutionReads {

    private final CycleSetups setups;
    private final CycleRepository cycles;
    private final TerminationFlags flags;
    private final PauseRegistry pauses;

    InMemoryExecutionReadsAdapter(CycleSetups setups, CycleRepository cycles, TerminationFlags flags,
            PauseRegistry pauses) {
        this.setups = setups;
        this.cycles = cycles;
        this.flags = flags;
        this.pauses = pauses;
    }

    @Override
    public CycleView cycle(FlowId flowId, CycleNumber cycle) {
        return new CycleView(setups.find(flowId, cycle), cycles.find(flowId, cycle));
    }

    @Override
    public TaskStart taskStart(NodeTaskId task) {
        return new TaskStart(setups.find(task.flowId(), task.cycle()), cycles.find(task.flowId(), task.cycle()),
                flags.requested(task), pauses.state(task.flowId()));
    }
}
