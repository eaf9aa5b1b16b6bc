package io.weatherstation.catalog.adapter.out.nodes;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeExecutionException;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import java.util.Map;

/**
 * Evaluates a user expression over its inputs in the CEL sandbox (no file, network, reflection or
 * process access; bounded steps, time and size) and emits the result on {@code output_data}.
 * A result that is not an object is emitted as {@code {"result": value}}.
 */
@NodeType(value = "code_node", category = "compute",
        description = "Evaluates a sandboxed CEL expression over its inputs",
        inputs = @NodeType.Input(name = "input_data", aggregate = true,
                description = "values the expression sees as `input` (a map keyed by source handle)"),
        outputs = @NodeType.Output(name = "output_data", signalType = "CODE_OUTPUT", description = "the result"),
        params = {
            @NodeType.Param(name = "expression", type = ParameterType.STRING, required = true,
                    description = "CEL expression over `input`, `inputs` and `config`"),
            @NodeType.Param(name = "max_steps", type = ParameterType.INTEGER, defaultValue = "1000000",
                    min = 1, max = 100_000_000, description = "cap on evaluation steps"),
            @NodeType.Param(name = "time_limit_ms", type = ParameterType.INTEGER, defaultValue = "2000",
                    min = 1, max = 60_000, description = "wall-clock limit of one evaluation")
        })
public final class CodeNode implements Node {

    private final CelSandbox sandbox = new CelSandbox();

    @Override
    public NodeResult execute(NodeContext context) throws NodeExecutionException {
        String expression = String.valueOf(context.param("expression"));
        long maxSteps = ((Number) context.config().getOrDefault("max_steps", CelSandbox.DEFAULT_MAX_STEPS)).longValue();
        long timeLimitMs = ((Number) context.config().getOrDefault("time_limit_ms",
                CelSandbox.DEFAULT_TIME_LIMIT.toMillis())).longValue();
        Object result;
        try {
            result = sandbox.evaluate(expression, context.input("input_data"), context.inputs(), context.config(),
                    maxSteps, java.time.Duration.ofMillis(timeLimitMs));
        } catch (CelSandbox.ExpressionException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        if (result instanceof Map<?, ?> map) {
            return NodeResult.of("output_data", map);
        }
        java.util.Map<String, Object> wrapped = new java.util.LinkedHashMap<>();
        wrapped.put("result", result);
        return NodeResult.of("output_data", wrapped);
    }
}
