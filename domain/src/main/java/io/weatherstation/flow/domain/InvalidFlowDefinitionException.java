package io.weatherstation.flow.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A submitted flow definition was rejected. Carries every problem found, in document order, so
 * a client can fix them all in one round trip. Nothing about a rejected flow is stored.
 */
public final class InvalidFlowDefinitionException extends RuntimeException {

    private static final int PROBLEMS_IN_MESSAGE = 10;

    private final List<ValidationProblem> problems;

    /** @param problems at least one problem */
    public InvalidFlowDefinitionException(List<ValidationProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidFlowDefinitionException of(String pointer, String code, String message) {
        return new InvalidFlowDefinitionException(List.of(new ValidationProblem(pointer, code, message)));
    }

    /** Every problem, in document order; never empty. */
    public List<ValidationProblem> problems() {
        return problems;
    }

    private static String describe(List<ValidationProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid flow definition has at least one problem");
        }
        String shown = problems.stream().limit(PROBLEMS_IN_MESSAGE)
                .map(ValidationProblem::toString)
                .collect(Collectors.joining("; "));
        int more = problems.size() - PROBLEMS_IN_MESSAGE;
        return "invalid flow definition (" + problems.size() + (problems.size() == 1 ? " problem): " : " problems): ")
                + shown + (more > 0 ? "; and " + more + " more" : "");
    }
}
