package io.weatherstation.execution.adapter.in.web;

import io.weatherstation.execution.application.port.in.InvalidPartialRunException;
import io.weatherstation.execution.application.port.in.InvalidResumeException;
import io.weatherstation.execution.application.port.in.PartialRunNotFoundException;
import io.weatherstation.execution.application.port.in.PauseTargetNotFoundException;
import io.weatherstation.execution.domain.IllegalPauseTransitionException;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.adapter.in.web.ProblemTranslator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The operator controls' exceptions as problems: an illegal pause transition (409), an unknown
 * pause target or partial run (404), an invalid resume or partial run (400, every problem listed).
 */
@Component
class ControlProblemTranslator implements ProblemTranslator {

    @Override
    public @Nullable ProblemDetail translate(Throwable exception) {
        return switch (exception) {
            case IllegalPauseTransitionException illegal -> ApiProblems.problem(HttpStatus.CONFLICT,
                    "illegal_pause_transition", "Illegal pause transition", illegal.getMessage(),
                    Map.of("flow_id", illegal.flowId().value(), "target", illegal.target().key(),
                            "attempted", illegal.attempted()));
            case PauseTargetNotFoundException notFound -> ApiProblems.problem(HttpStatus.NOT_FOUND,
                    "pause_target_not_found", "Pause target not found", notFound.getMessage(),
                    Map.of("flow_id", notFound.flowId().value(), "target", notFound.target().key()));
            case InvalidResumeException invalid -> ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid_resume",
                    "Invalid resume", invalid.getMessage(),
                    Map.of("flow_id", invalid.flowId().value(), "target", invalid.target().key()));
            case PartialRunNotFoundException notFound -> ApiProblems.problem(HttpStatus.NOT_FOUND,
                    "partial_run_not_found", "Partial run not found", notFound.getMessage(),
                    Map.of("flow_id", notFound.flowId().value(), "partial_run_id", notFound.runId().value()));
            case InvalidPartialRunException invalid -> ApiProblems.problem(HttpStatus.BAD_REQUEST,
                    "invalid_partial_run", "Invalid partial run", invalid.getMessage(),
                    Map.of("flow_id", invalid.flowId().value(), "problems", invalid.problems().stream().map(p -> {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("code", p.code());
                        item.put("node_id", p.node());
                        if (p.handle() != null) {
                            item.put("handle", p.handle());
                        }
                        item.put("message", p.message());
                        return item;
                    }).toList()));
            default -> null;
        };
    }
}
