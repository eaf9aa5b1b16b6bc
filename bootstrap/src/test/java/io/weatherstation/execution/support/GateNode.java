package io.weatherstation.execution.support;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import java.util.Map;

/** Test node: waits at a named {@link Gates gate} until the test opens it (interruptibly). */
@NodeType(value = "gate_node", category = "testing", description = "Waits until a test opens its gate (tests only)",
        inputs = @NodeType.Input(name = "input"),
        outputs = @NodeType.Output(name = "output", signalType = "DATA_READY"),
        params = @NodeType.Param(name = "gate", type = ParameterType.STRING, required = true,
                description = "the gate's name"))
public final class GateNode implements Node {

    @Override
    public NodeResult execute(NodeContext context) throws InterruptedException {
        Gates.pass(String.valueOf(context.param("gate")));
        Executions.record(context);
        Object input = context.input("input");
        return NodeResult.of("output", input == null ? Map.of("gate", context.param("gate")) : input);
    }
}
