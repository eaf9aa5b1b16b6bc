package io.weatherstation.shared.adapter.in.web;

import io.weatherstation.shared.domain.InvalidIdentifierException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The one place where exceptions become HTTP responses: RFC 9457 problem details
 * ({@code application/problem+json}) with a machine-readable {@code code} everywhere.
 *
 * <ul>
 *   <li>Spring MVC's own exceptions (unsupported media type or method, unreadable body, bad
 *       parameters, unknown routes) keep their standard status and get a code.</li>
 *   <li>A slice's exceptions are translated by that slice's {@link ProblemTranslator}s.</li>
 *   <li>Anything else is a 500 {@code internal_error} whose detail leaks nothing; it is logged.</li>
 * </ul>
 */
@RestControllerAdvice
final class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Log LOG = LogFactory.getLog(ProblemDetailsAdvice.class);

    /** Titles of the codes Spring MVC's exceptions map to. */
    private static final Map<String, String> TITLES = Map.of(
            ApiProblems.INVALID_ID, "Invalid identifier",
            ApiProblems.INVALID_PARAMETER, "Invalid parameter",
            ApiProblems.NOT_FOUND, "Not found",
            ApiProblems.METHOD_NOT_ALLOWED, "Method not allowed",
            ApiProblems.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            ApiProblems.NOT_ACCEPTABLE, "Not acceptable",
            ApiProblems.TOO_LARGE, "Request body too large",
            ApiProblems.INTERNAL_ERROR, "Internal error");

    private final List<ProblemTranslator> translators;

    ProblemDetailsAdvice(List<ProblemTranslator> translators) {
        this.translators = List.copyOf(translators);
    }

    /** Everything Spring MVC does not handle itself: the slices' exceptions, and the unexpected. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleOther(Exception exception) {
        for (ProblemTranslator translator : translators) {
            ProblemDetail problem = translator.translate(exception);
            if (problem != null) {
                return respond(problem);
            }
        }
        if (exception instanceof BodyLimitExceededException tooLarge) {
            return respond(ApiProblems.tooLarge(tooLarge.getMessage()));
        }
        LOG.error("request failed with an unexpected exception", exception);
        return respond(ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, ApiProblems.INTERNAL_ERROR,
                "Internal error", "the station could not handle the request; its log has the details"));
    }

    /** An unreadable body is malformed JSON, unless it was cut off by the body limit. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyLimitExceededException tooLarge = causeOf(exception, BodyLimitExceededException.class);
        ProblemDetail problem = tooLarge != null
                ? ApiProblems.tooLarge(tooLarge.getMessage())
                : ApiProblems.malformedJson(unreadable(exception));
        return handleExceptionInternal(exception, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && exception instanceof ErrorResponse error) {
            body = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && ApiProblems.codeOf(problem) == null) {
            String code = codeFor(exception, status);
            problem.setType(URI.create(ApiProblems.TYPE_PREFIX + code));
            problem.setTitle(TITLES.getOrDefault(code, problem.getTitle()));
            problem.setProperty("code", code);
            if (code.equals(ApiProblems.INVALID_ID) || code.equals(ApiProblems.INVALID_PARAMETER)) {
                problem.setDetail(conversionDetail(exception, problem.getDetail()));
            }
        }
        return super.handleExceptionInternal(exception, body, headers, status, request);
    }

    private static String codeFor(Exception exception, HttpStatusCode status) {
        return switch (exception) {
            case HttpRequestMethodNotSupportedException _ -> ApiProblems.METHOD_NOT_ALLOWED;
            case HttpMediaTypeNotSupportedException _ -> ApiProblems.UNSUPPORTED_MEDIA_TYPE;
            case HttpMediaTypeNotAcceptableException _ -> ApiProblems.NOT_ACCEPTABLE;
            case MethodArgumentTypeMismatchException mismatch
                    when mismatch.getParameter().hasParameterAnnotation(PathVariable.class) -> ApiProblems.INVALID_ID;
            case TypeMismatchException _, MissingServletRequestParameterException _ -> ApiProblems.INVALID_PARAMETER;
            case ServletRequestBindingException _ -> ApiProblems.INVALID_PARAMETER;
            case NoResourceFoundException _, NoHandlerFoundException _ -> ApiProblems.NOT_FOUND;
            case MaxUploadSizeExceededException _ -> ApiProblems.TOO_LARGE;
            case ErrorResponseException _ when status.value() == 404 -> ApiProblems.NOT_FOUND;
            default -> status.is5xxServerError() ? ApiProblems.INTERNAL_ERROR
                    : HttpStatus.resolve(status.value()) instanceof HttpStatus known
                            ? known.name().toLowerCase(java.util.Locale.ROOT) : "error";
        };
    }

    /** For a value that did not convert: the id's own explanation ("flow id must contain only …"). */
    private static @Nullable String conversionDetail(Exception exception, @Nullable String fallback) {
        if (!(exception instanceof TypeMismatchException mismatch)) {
            return fallback;
        }
        InvalidIdentifierException invalidId = causeOf(mismatch, InvalidIdentifierException.class);
        if (invalidId != null) {
            return invalidId.getMessage();
        }
        IllegalArgumentException invalid = causeOf(mismatch, IllegalArgumentException.class);
        String name = mismatch.getPropertyName() == null ? "a value" : "'" + mismatch.getPropertyName() + "'";
        return invalid != null && invalid.getMessage() != null
                ? name + ": " + invalid.getMessage()
                : name + " is not valid: '" + mismatch.getValue() + "'";
    }

    private static String unreadable(HttpMessageNotReadableException exception) {
        String message = exception.getMessage();
        if (message != null && message.startsWith("Required request body is missing")) {
            return "the request needs a JSON body";
        }
        JacksonException parse = causeOf(exception, JacksonException.class);
        if (parse != null && parse.getOriginalMessage() != null) {
            return "the request body is not valid JSON: " + parse.getOriginalMessage().strip().replaceAll("\\s+", " ");
        }
        return "the request body is not valid JSON";
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
