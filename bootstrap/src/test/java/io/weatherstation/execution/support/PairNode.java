package io.weatherstation.execution.support;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test node with two required single-edge inputs: records its runs and emits both inputs. */
@NodeType(value = "pair_node", category = "testing", description = "Joins two inputs (tests only)",
        inputs = {
            @NodeType.Input(name = "left", required = true),
            @NodeType.Input(name = "right", required = true)
        },
        outputs = @NodeType.Output(name = "output", signalType = "DATA_READY"))
public final class PairNode implements Node {

    @Override
    public NodeResult execute(NodeContext context) {
        Executions.record(context);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("left", context.input("left"));
        output.put("right", context.input("right"));
        return NodeResult.of("output", output);
    }
}
