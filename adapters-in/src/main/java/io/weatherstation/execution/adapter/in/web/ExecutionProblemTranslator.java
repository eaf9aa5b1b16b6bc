package io.weatherstation.execution.adapter.in.web;

import io.weatherstation.execution.application.port.in.CycleRefusedException;
import io.weatherstation.execution.application.port.in.InvalidNodeConfigException;
import io.weatherstation.execution.application.port.in.NodeTaskNotFoundException;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.adapter.in.web.ProblemTranslator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The execution slice's exceptions as problems: a refused cycle (409), an unknown node task (404)
 * and an invalid isolated-node request (400 with every problem).
 */
@Component
class ExecutionProblemTranslator implements ProblemTranslator {

    @Override
    public @Nullable ProblemDetail translate(Throwable exception) {
        return switch (exception) {
            case CycleRefusedException refused -> ApiProblems.problem(HttpStatus.CONFLICT, "cycle_refused",
                    "Cycle refused", refused.getMessage(), Map.of("flow_id", refused.flowId().value()));
            case NodeTaskNotFoundException notFound -> ApiProblems.problem(HttpStatus.NOT_FOUND, "node_task_not_found",
                    "Node task not found", notFound.getMessage());
            case InvalidNodeConfigException invalid -> ApiProblems.problem(HttpStatus.BAD_REQUEST,
                    "invalid_node_config", "Invalid node configuration", invalid.problems().size() == 1
                            ? "the request has a problem: " + invalid.problems().getFirst().message()
                            : "the request has " + invalid.problems().size() + " problems",
                    Map.of("node_type", invalid.nodeType(), "problems", invalid.problems().stream().map(p -> {
                        Map<String, String> item = new LinkedHashMap<>();
                        item.put("pointer", p.pointer());
                        item.put("code", p.code());
                        item.put("message", p.message());
                        return item;
                    }).toList()));
            default -> null;
        };
    }
}
