package io.weatherstation.catalog.adapter.out.nodes;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import java.time.Duration;
import java.util.Map;

/**
 * Waits, then passes its input on. The wait is interruptible: a timeout or a termination request
 * ends it at once.
 */
@NodeType(value = "delay_node", category = "testing", description = "Waits, then passes its input on",
        inputs = @NodeType.Input(name = "input"),
        outputs = @NodeType.Output(name = "output", signalType = "DATA_READY"),
        params = @NodeType.Param(name = "seconds", type = ParameterType.NUMBER, defaultValue = "1", min = 0,
                max = 86_400, description = "how long to wait"))
public final class DelayNode implements Node {

    @Override
    public NodeResult execute(NodeContext context) throws InterruptedException {
        double seconds = ((Number) context.config().getOrDefault("seconds", 1.0)).doubleValue();
        Thread.sleep(Duration.ofNanos((long) (seconds * 1_000_000_000L)));
        Object input = context.input("input");
        return NodeResult.of("output", input == null ? Map.of("waited_seconds", seconds) : input);
    }
}
