package io.weatherstation.distributed;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import io.weatherstation.shared.domain.WorkerId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Test node: on the worker named by {@code hold_on} it never returns (the instance is expected to
 * die while it runs: its thread stays parked, interrupts included, as the code of a dead process
 * runs no further); on any other worker it records the run and passes its input on.
 */
@NodeType(value = "holding_node", category = "testing",
        description = "Never returns on one worker, passes its input on elsewhere (tests only)",
        inputs = @NodeType.Input(name = "input"),
        outputs = @NodeType.Output(name = "output", signalType = "DATA_READY"),
        params = @NodeType.Param(name = "hold_on", type = ParameterType.STRING, required = true,
                description = "the worker id on which the node never returns"))
public final class HoldingNode implements Node {

    /** Runs per task id ({@code flow_cycle_node}): worker and attempt of each, in this JVM. */
    private static final Map<String, List<String>> RUNS = new ConcurrentHashMap<>();
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private final WorkerId self;

    public HoldingNode(WorkerId self) {
        this.self = self;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String task = context.flowId() + "_" + context.cycle() + "_" + context.nodeId();
        RUNS.computeIfAbsent(task, t -> new CopyOnWriteArrayList<>()).add(self.value());
        if (self.value().equals(context.param("hold_on"))) {
            while (true) {
                try {
                    NEVER.await();
                } catch (InterruptedException ignored) {
                    // A dead instance's code does not react to anything: keep holding.
                }
            }
        }
        Object input = context.input("input");
        return NodeResult.of("output", input == null ? Map.of("by", self.value()) : input);
    }

    /** The workers that began a run of the task in this JVM, in order. */
    public static List<String> runs(String taskId) {
        return List.copyOf(RUNS.getOrDefault(taskId, List.of()));
    }
}
