package io.weatherstation.benchmarks;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;

/**
 * The fan-in of the fan-out shape: an aggregate handle fed by every branch. Its hop is measured
 * from the last branch that finished (the one that made it ready).
 */
@NodeType(value = "bench_join", category = "benchmark", description = "Benchmark fan-in over an aggregate handle",
        inputs = @NodeType.Input(name = "in", aggregate = true, required = true,
                description = "stamped signals from every branch"),
        outputs = @NodeType.Output(name = "out", signalType = "DATA_READY"))
public final class BenchJoinNode implements Node {

    @Override
    public NodeResult execute(NodeContext context) {
        long startedAt = System.nanoTime();
        Object input = context.input("in");
        if (input != null) {
            BenchProbe.hop(input, startedAt);
        }
        BenchProbe.executed();
        BenchProbe.cycleEnded();
        return NodeResult.of("out", BenchProbe.stamp());
    }
}
