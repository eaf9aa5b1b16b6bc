package io.weatherstation.catalog.adapter.in.web;

import io.weatherstation.catalog.application.NodeTypeNotFoundException;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.adapter.in.web.ProblemTranslator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** The catalog slice's exceptions as problems: an unknown node type is a 404. */
@Component
class CatalogProblemTranslator implements ProblemTranslator {

    @Override
    public @Nullable ProblemDetail translate(Throwable exception) {
        if (exception instanceof NodeTypeNotFoundException notFound) {
            return ApiProblems.problem(HttpStatus.NOT_FOUND, "node_type_not_found", "Node type not found",
                    notFound.getMessage(), Map.of("node_type", notFound.nodeType()));
        }
        return null;
    }
}
