package io.weatherstation.benchmarks;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;

/**
 * A step of the chain and fan-out shapes: does no work, measures the hop from the node that fed
 * it and stamps its output with the time it finished.
 */
@NodeType(value = "bench_step", category = "benchmark", description = "Benchmark step: measures the signal hop, no work",
        inputs = @NodeType.Input(name = "in", description = "a stamped signal from the previous step"),
        outputs = @NodeType.Output(name = "out", signalType = "DATA_READY"),
        params = @NodeType.Param(name = "last", type = ParameterType.BOOLEAN, defaultValue = "false",
                description = "the cycle's last node: tells the driver that the cycle ran through"))
public final class BenchStepNode implements Node {

    @Override
    public NodeResult execute(NodeContext context) {
        long startedAt = System.nanoTime();
        Object input = context.input("in");
        if (input != null) {
            BenchProbe.hop(input, startedAt);
        }
        BenchProbe.executed();
        if (Boolean.TRUE.equals(context.param("last"))) {
            BenchProbe.cycleEnded();
        }
        return NodeResult.of("out", BenchProbe.stamp());
    }
}
