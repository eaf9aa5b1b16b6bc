package io.weatherstation.compat.adapter.in.web;

import io.weatherstation.execution.application.port.in.NodeRunConflictException;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.adapter.in.web.ProblemTranslator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Errors of the compatibility routes keep the original's shape as well as RFC 9457's: every
 * problem on a compatibility path also carries the original's {@code error} member (the detail),
 * so a client written for the original reads {@code body["error"]} as before.
 */
final class CompatProblems {

    private CompatProblems() {
    }

    /** Whether a request path is one of the compatibility routes' (root {@code /flows/…}, {@code /nodes/…}). */
    static boolean isCompatPath(String path) {
        return path.equals("/flows") || path.startsWith("/flows/") || path.equals("/nodes") || path.startsWith("/nodes/");
    }

    /** Adds {@code error} to every problem written for a compatibility route. */
    @ControllerAdvice
    static final class OriginalErrorMember implements ResponseBodyAdvice<Object> {

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
                MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
                ServerHttpRequest request, ServerHttpResponse response) {
            if (body instanceof ProblemDetail problem && isCompatPath(request.getURI().getPath())) {
                Map<String, @Nullable Object> properties = problem.getProperties();
                if (properties == null || !properties.containsKey("error")) {
                    problem.setProperty("error", problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
                }
            }
            return body;
        }
    }

    /**
     * A node run already in progress: 409 with the original's fields ({@code start_time},
     * {@code elapsed_seconds}, {@code can_force}); its task status is {@code task_status}, since a
     * problem's {@code status} is the HTTP status.
     */
    @Component
    static final class ConflictTranslator implements ProblemTranslator {

        @Override
        public @Nullable ProblemDetail translate(Throwable exception) {
            if (!(exception instanceof NodeRunConflictException conflict)) {
                return null;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("error", "Node is already running");
            properties.put("node_task_id", conflict.running().runId());
            properties.put("task_status", conflict.running().status().wireName());
            properties.put("start_time", conflict.running().startedAt().toString());
            properties.put("elapsed_seconds", conflict.elapsed().toMillis() / 1000.0);
            properties.put("can_force", true);
            return ApiProblems.problem(HttpStatus.CONFLICT, "node_already_running", "Node already running",
                    conflict.getMessage(), properties);
        }
    }
}
