package io.weatherstation.execution.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.NodeExecutionResponse;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.ExecuteNodeCommand;
import io.weatherstation.execution.application.port.in.InvalidNodeConfigException;
import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.flow.domain.ProblemCodes;
import io.weatherstation.flow.domain.ValidationProblem;
import io.weatherstation.shared.adapter.in.web.RequestParameters;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs one node in isolation ("test a node"). The body is read like a flow body (same size limit,
 * exact numbers, duplicate keys rejected) so a configuration behaves here as it will in a flow.
 */
@RestController
@Tag(name = "Node types")
class NodeExecutionController {

    private final ExecuteNodeUseCase executeNode;
    private final WeatherSyntaxJson json;

    NodeExecutionController(ExecuteNodeUseCase executeNode, WeatherSyntaxJson json) {
        this.executeNode = executeNode;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/node-types/{type}/executions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run one node of this type in isolation",
            description = "Body: {\"config\": {...}, \"inputs\": {handle: value}, \"timeout_seconds\": 300}. The "
                    + "config is validated and resolved as at flow registration. A node that fails or times out is "
                    + "a 200 with status 'failed'; one that asks to stop execution is 'stopped'.")
    NodeExecutionResponse execute(@PathVariable String type,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "{config, inputs, timeout_seconds}")))
            @RequestBody(required = false) byte @Nullable [] body) {
        RequestParameters.identifier("node type", type);
        Object request = json.readTree(body == null ? new byte[0] : body);
        if (!(request instanceof Map<?, ?> fields)) {
            throw new InvalidNodeConfigException(type, List.of(new ValidationProblem("", ProblemCodes.INVALID_TYPE,
                    "the body must be a JSON object such as {\"config\": {...}, \"inputs\": {...}}")));
        }
        return ExecutionMapper.execution(executeNode.execute(new ExecuteNodeCommand(type, fields.get("config"),
                fields.get("inputs"), fields.get("timeout_seconds"))));
    }
}
