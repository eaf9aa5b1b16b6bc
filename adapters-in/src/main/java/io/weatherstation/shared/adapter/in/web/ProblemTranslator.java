package io.weatherstation.shared.adapter.in.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * Turns a slice's own exceptions into problem details. Each slice's web adapter contributes one
 * (a bean), so the single {@code @RestControllerAdvice} needs to know no slice.
 */
public interface ProblemTranslator {

    /** The problem for {@code exception}, or null when it is not one of this slice's. */
    @Nullable ProblemDetail translate(Throwable exception);
}
