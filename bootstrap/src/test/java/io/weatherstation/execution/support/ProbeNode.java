package io.weatherstation.execution.support;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test node: records that it ran and what it received, and passes its inputs on. */
@NodeType(value = "probe_node", category = "testing", description = "Records its runs and inputs (tests only)",
        inputs = @NodeType.Input(name = "input", aggregate = true, description = "anything, from any number of edges"),
        outputs = @NodeType.Output(name = "output", signalType = "DATA_READY"),
        params = @NodeType.Param(name = "tag", type = ParameterType.STRING, defaultValue = "",
                description = "a label echoed in the output"))
public final class ProbeNode implements Node {

    @Override
    public NodeResult execute(NodeContext context) {
        Executions.record(context);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("node", context.nodeId());
        output.put("tag", context.param("tag"));
        output.put("inputs", context.inputs());
        return NodeResult.of("output", output);
    }
}
