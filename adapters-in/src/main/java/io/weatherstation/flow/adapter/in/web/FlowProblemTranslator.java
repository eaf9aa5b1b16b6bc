package io.weatherstation.flow.adapter.in.web;

import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.domain.IllegalFlowTransitionException;
import io.weatherstation.flow.domain.InvalidFlowDefinitionException;
import io.weatherstation.flow.domain.ProblemCodes;
import io.weatherstation.flow.domain.ValidationProblem;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.adapter.in.web.ProblemTranslator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The flow slice's exceptions as problems: an invalid definition (400 with every problem; a
 * malformed or oversized body as 400 {@code malformed_json} / 413 {@code too_large}), an unknown
 * flow (404) and an illegal lifecycle transition (409 with the current status).
 */
@Component
class FlowProblemTranslator implements ProblemTranslator {

    @Override
    public @Nullable ProblemDetail translate(Throwable exception) {
        return switch (exception) {
            case InvalidFlowDefinitionException invalid -> invalidDefinition(invalid);
            case FlowNotFoundException notFound -> ApiProblems.problem(HttpStatus.NOT_FOUND, "flow_not_found",
                    "Flow not found", notFound.getMessage(), Map.of("flow_id", notFound.flowId().value()));
            case IllegalFlowTransitionException illegal -> ApiProblems.problem(HttpStatus.CONFLICT,
                    "illegal_transition", "Illegal flow transition", illegal.getMessage(), Map.of(
                            "flow_id", illegal.flowId().value(),
                            "current_status", illegal.currentStatus().code(),
                            "action", illegal.action().code()));
            default -> null;
        };
    }

    /** Rejected bodies keep the problem list in every case, so clients read problems one way. */
    static ProblemDetail invalidDefinition(InvalidFlowDefinitionException invalid) {
        List<ValidationProblem> problems = invalid.problems();
        Map<String, Object> properties = Map.of("problems", problemList(problems));
        if (problems.size() == 1 && problems.getFirst().code().equals(ProblemCodes.TOO_LARGE)) {
            return ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, ApiProblems.TOO_LARGE, "Request body too large",
                    problems.getFirst().message(), properties);
        }
        if (problems.size() == 1 && problems.getFirst().code().equals(ProblemCodes.MALFORMED_JSON)) {
            return ApiProblems.problem(HttpStatus.BAD_REQUEST, ApiProblems.MALFORMED_JSON, "Malformed JSON",
                    problems.getFirst().message(), properties);
        }
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid_flow_definition", "Invalid flow definition",
                problems.size() == 1 ? "the flow definition has a problem: " + problems.getFirst().message()
                        : "the flow definition has " + problems.size() + " problems",
                properties);
    }

    /** {@code [{pointer, code, message}]}, in document order. */
    static List<Map<String, String>> problemList(List<ValidationProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("pointer", p.pointer());
            item.put("code", p.code());
            item.put("message", p.message());
            return item;
        }).toList();
    }
}
