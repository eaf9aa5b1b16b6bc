package io.weatherstation.execution.application.port.in;

import io.weatherstation.shared.domain.FlowId;
import java.util.List;
import java.util.Objects;

/** A partial-run request with problems; nothing was started. */
public final class InvalidPartialRunException extends RuntimeException {

    private final FlowId flowId;
    private final List<Problem> problems;

    public InvalidPartialRunException(FlowId flowId, List<Problem> problems) {
        super(problems.size() == 1 ? "the partial run has a problem: " + problems.getFirst().message()
                : "the partial run has " + problems.size() + " problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid partial run has at least one problem");
        }
        this.flowId = flowId;
        this.problems = List.copyOf(problems);
    }

    public FlowId flowId() {
        return flowId;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * @param code    machine-readable: {@code trigger_node_unknown}, {@code input_missing},
     *                {@code input_not_a_boundary_handle}, {@code input_duplicate}
     * @param node    the node concerned
     * @param handle  the input handle concerned, or null
     * @param message for people
     */
    public record Problem(String code, String node, @org.jspecify.annotations.Nullable String handle, String message) {

        public Problem {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(message, "message");
        }
    }
}
