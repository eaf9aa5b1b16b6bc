package io.weatherstation.benchmarks;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import java.util.Optional;

/**
 * The only node of a periodic flow. It reads when the engine scheduled its cycle (the instant the
 * scheduler's timer was armed for, kept with the cycle's setup) and when the cycle really started
 * (the cycle's start time) and records the difference: the cycle start lag.
 */
@NodeType(value = "bench_tick", category = "benchmark", description = "Benchmark tick: measures the cycle start lag",
        outputs = @NodeType.Output(name = "out", signalType = "DATA_READY"))
public final class BenchTickNode implements Node {

    // Looked up on first use: the distributed cycle setups need the node registry, which is
    // being built when this node is created.
    private final ObjectProvider<CycleSetups> setups;
    private final ObjectProvider<CycleRepository> cycles;

    public BenchTickNode(ObjectProvider<CycleSetups> setups, ObjectProvider<CycleRepository> cycles) {
        this.setups = setups;
        this.cycles = cycles;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        FlowId flow = FlowId.of(context.flowId());
        CycleNumber number = CycleNumber.of(context.cycle());
        Optional<CycleSetups.CycleSetup> setup = setups.getObject().find(flow, number);
        Optional<Cycle> cycle = cycles.getObject().find(flow, number);
        if (setup.isPresent() && cycle.isPresent()) {
            BenchProbe.startLag(Duration.between(setup.get().scheduledAt(), cycle.get().startTime()).toNanos());
        }
        BenchProbe.executed();
        BenchProbe.cycleEnded();
        return NodeResult.of("out", BenchProbe.stamp());
    }
}
