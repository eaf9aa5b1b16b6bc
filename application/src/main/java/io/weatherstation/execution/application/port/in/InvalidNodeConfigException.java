package io.weatherstation.execution.application.port.in;

import io.weatherstation.flow.domain.ValidationProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request to run a node in isolation was rejected: its configuration (or timeout, or inputs)
 * breaks the node type's rules. Carries every problem, with JSON pointers into the request body
 * ({@code /config/symbol}, {@code /timeout_seconds}, {@code /inputs}).
 */
public final class InvalidNodeConfigException extends RuntimeException {

    private final String nodeType;
    private final List<ValidationProblem> problems;

    /** @param problems at least one */
    public InvalidNodeConfigException(String nodeType, List<ValidationProblem> problems) {
        super(describe(nodeType, problems));
        this.nodeType = nodeType;
        this.problems = List.copyOf(problems);
    }

    public String nodeType() {
        return nodeType;
    }

    /** Every problem, in request order; never empty. */
    public List<ValidationProblem> problems() {
        return problems;
    }

    private static String describe(String nodeType, List<ValidationProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid node configuration has at least one problem");
        }
        return "invalid configuration for node type '" + nodeType + "': "
                + problems.stream().map(ValidationProblem::toString).collect(Collectors.joining("; "));
    }
}
