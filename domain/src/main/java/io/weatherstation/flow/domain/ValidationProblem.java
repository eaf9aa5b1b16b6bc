package io.weatherstation.flow.domain;

import java.util.Objects;

/**
 * One reason why a submitted flow definition was rejected.
 *
 * @param pointer RFC 6901 JSON pointer into the submitted document ({@code /edges/3/target});
 *                {@code ""} is the document itself
 * @param code    stable machine-readable code, one of {@link ProblemCodes}
 * @param message explanation for people, naming the offending value where that helps
 */
public record ValidationProblem(String pointer, String code, String message) {

    public ValidationProblem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer is empty or starts with '/': " + pointer);
        }
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(document)" : pointer) + " [" + code + "] " + message;
    }
}
