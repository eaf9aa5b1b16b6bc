package io.weatherstation.catalog.adapter.out.nodes;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeExecutionException;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import java.util.Map;

/**
 * Evaluates a CEL predicate over its input. In {@code branch} mode it passes the input on
 * {@code true} or {@code false} (the other branch is skipped); in {@code stop} mode an unmet
 * condition stops execution of the component for this cycle.
 */
@NodeType(value = "condition_node", category = "compute",
        description = "Evaluates a predicate; emits on true/false, or stops execution",
        inputs = @NodeType.Input(name = "input", description = "the value the expression sees as `input`"),
        outputs = {
            @NodeType.Output(name = "true", signalType = "DATA_READY", description = "the input, when the condition holds"),
            @NodeType.Output(name = "false", signalType = "DATA_READY", description = "the input, when it does not")
        },
        params = {
            @NodeType.Param(name = "expression", type = ParameterType.STRING, required = true,
                    description = "CEL predicate over `input`, `inputs` and `config`, e.g. input.close > input.open"),
            @NodeType.Param(name = "mode", type = ParameterType.STRING, defaultValue = "branch",
                    allowedValues = {"branch", "stop"},
                    description = "branch: emit on true/false; stop: stop the component when false")
        })
public final class ConditionNode implements Node {

    private final CelSandbox sandbox = new CelSandbox();

    @Override
    public NodeResult execute(NodeContext context) throws NodeExecutionException {
        String expression = String.valueOf(context.param("expression"));
        Object input = context.input("input");
        Object verdict;
        try {
            verdict = sandbox.evaluate(expression, input, context.inputs(), context.config());
        } catch (CelSandbox.ExpressionException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        if (!(verdict instanceof Boolean holds)) {
            throw new NodeExecutionException("condition must evaluate to true or false, got " + verdict);
        }
        Object passed = input == null ? Map.of() : input;
        if ("stop".equals(context.param("mode")) && !holds) {
            return NodeResult.stopExecution("condition not met: " + expression);
        }
        return NodeResult.of(holds ? "true" : "false", passed);
    }
}
