package io.weatherstation.catalog.adapter.out.nodes;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeExecutionException;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import java.util.Map;

/** Fails on purpose (for demos and tests of retries and failure propagation). */
@NodeType(value = "fail_node", category = "testing",
        description = "Fails on purpose; optionally succeeds from a given attempt on",
        inputs = @NodeType.Input(name = "input"),
        outputs = @NodeType.Output(name = "output", signalType = "DATA_READY"),
        params = {
            @NodeType.Param(name = "message", type = ParameterType.STRING, defaultValue = "failed on purpose",
                    description = "the error message"),
            @NodeType.Param(name = "succeed_on_attempt", type = ParameterType.INTEGER, defaultValue = "0",
                    min = 0, max = 100, description = "attempt number that succeeds; 0 = never")
        })
public final class FailNode implements Node {

    @Override
    public NodeResult execute(NodeContext context) throws NodeExecutionException {
        long succeedOn = ((Number) context.config().getOrDefault("succeed_on_attempt", 0L)).longValue();
        if (succeedOn > 0 && context.attempt() >= succeedOn) {
            Object input = context.input("input");
            return NodeResult.of("output", input == null ? Map.of("attempt", context.attempt()) : input);
        }
        throw new NodeExecutionException(String.valueOf(context.param("message")));
    }
}
