package io.weatherstation.shared.adapter.in.web;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Problem details (RFC 9457) as the API writes them: a stable machine-readable {@code code}
 * property, a {@code type} derived from it, a short {@code title} per code and a {@code detail}
 * for people. Clients branch on {@code code}; codes are never renamed.
 */
public final class ApiProblems {

    /** The namespace of problem types; the last segment is the code. */
    public static final String TYPE_PREFIX = "urn:weather-station:problem:";

    public static final String INVALID_ID = "invalid_id";
    public static final String INVALID_PARAMETER = "invalid_parameter";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String TOO_LARGE = "too_large";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String INTERNAL_ERROR = "internal_error";

    private ApiProblems() {
    }

    /** A problem with the given status, code, title and detail. */
    public static ProblemDetail problem(HttpStatusCode status, String code, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** {@link #problem} with extra properties (snake_case names), in the given order. */
    public static ProblemDetail problem(HttpStatusCode status, String code, String title, @Nullable String detail,
            Map<String, ?> properties) {
        ProblemDetail problem = problem(status, code, title, detail);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** The {@code code} of a problem, or null when it has none. */
    public static @Nullable String codeOf(ProblemDetail problem) {
        Map<String, @Nullable Object> properties = problem.getProperties();
        return properties != null && properties.get("code") instanceof String code ? code : null;
    }

    /** To throw from a controller: the advice writes the problem as it is. */
    public static ErrorResponseException exception(ProblemDetail problem) {
        return new ErrorResponseException(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
    }

    public static ErrorResponseException notFound(String code, String title, String detail) {
        return exception(problem(HttpStatus.NOT_FOUND, code, title, detail));
    }

    /** A path segment is not a valid identifier (1–128 of {@code [A-Za-z0-9_-]}, or the id's own form). */
    public static ErrorResponseException invalidId(String detail) {
        return exception(problem(HttpStatus.BAD_REQUEST, INVALID_ID, "Invalid identifier", detail));
    }

    /** A query parameter is out of range or not one of the accepted values. */
    public static ErrorResponseException invalidParameter(String parameter, String detail) {
        return exception(problem(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "Invalid parameter", detail,
                Map.of("parameter", parameter)));
    }

    public static ProblemDetail tooLarge(String detail) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Request body too large", detail);
    }

    public static ProblemDetail malformedJson(String detail) {
        return problem(HttpStatus.BAD_REQUEST, MALFORMED_JSON, "Malformed JSON", detail);
    }
}
