package io.weatherstation.catalog.adapter.out.nodes;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import java.util.Map;

/** Emits the configured values on {@code output}. */
@NodeType(value = "constant_node", category = "input", description = "Emits configured values",
        outputs = @NodeType.Output(name = "output", signalType = "DATA_READY", description = "the configured values"),
        params = @NodeType.Param(name = "values", type = ParameterType.OBJECT, defaultValue = "{}",
                description = "the object to emit"))
public final class ConstantNode implements Node {

    @Override
    public NodeResult execute(NodeContext context) {
        Object values = context.param("values");
        return NodeResult.of("output", values == null ? Map.of() : values);
    }
}
