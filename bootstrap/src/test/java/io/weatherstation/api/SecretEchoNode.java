package io.weatherstation.api;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import java.util.Map;

/**
 * A node type with a secret parameter, discovered from the test class path like any node class,
 * so the API tests can check that secrets never come back out.
 */
@NodeType(value = "test_secret_echo_node", category = "testing", description = "Echoes its label; holds a secret",
        outputs = @NodeType.Output(name = "output"),
        params = {
            @NodeType.Param(name = "api_key", type = ParameterType.STRING, required = true, secret = true,
                    description = "a credential"),
            @NodeType.Param(name = "token", type = ParameterType.STRING, defaultValue = "default-secret",
                    secret = true, description = "a credential with a default"),
            @NodeType.Param(name = "label", type = ParameterType.STRING, defaultValue = "echo", description = "shown")
        })
public final class SecretEchoNode implements Node {

    @Override
    public NodeResult execute(NodeContext context) {
        context.info("echoing " + context.param("label"));
        return NodeResult.of("output", Map.of("label", String.valueOf(context.param("label"))));
    }
}
