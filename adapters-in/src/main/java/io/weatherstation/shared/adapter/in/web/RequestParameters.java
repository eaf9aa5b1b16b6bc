package io.weatherstation.shared.adapter.in.web;

import io.weatherstation.shared.domain.Identifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Checks of query parameters and path segments that are not typed ids; failures are problems. */
public final class RequestParameters {

    /** The largest page any list route serves. */
    public static final int MAX_LIMIT = 1000;

    private RequestParameters() {
    }

    /** {@code limit}: 1–{@value #MAX_LIMIT}, {@code defaultLimit} when absent. */
    public static int limit(@Nullable Integer limit, int defaultLimit) {
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblems.invalidParameter("limit", "'limit' must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    /** {@code offset}: ≥ 0, 0 when absent. */
    public static int offset(@Nullable Integer offset) {
        if (offset == null) {
            return 0;
        }
        if (offset < 0) {
            throw ApiProblems.invalidParameter("offset", "'offset' must be 0 or more, was " + offset);
        }
        return offset;
    }

    /**
     * One of an enum's constants, named in snake_case and any letter case ({@code created_at},
     * {@code ASC}); empty when absent.
     */
    public static <E extends Enum<E>> Optional<E> oneOf(String parameter, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return Optional.of(constant);
            }
        }
        throw ApiProblems.invalidParameter(parameter, "'" + parameter + "' must be one of "
                + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "))
                + ", was '" + value + "'");
    }

    /**
     * An enum constant read by the enum's own parser (which may accept aliases); empty when absent,
     * a problem naming the constants in lower case when the parser refuses the value.
     */
    public static <E extends Enum<E>> Optional<E> parsed(String parameter, @Nullable String value,
            Function<String, E> parser, E[] constants) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value));
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalidParameter(parameter, "'" + parameter + "' must be one of "
                    + Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))
                    + ", was '" + value + "'");
        }
    }

    /** A path segment that must be an identifier (1–128 of {@code [A-Za-z0-9_-]}). */
    public static String identifier(String kind, String value) {
        if (!Identifier.isValid(value)) {
            throw ApiProblems.invalidId(kind + " " + Identifier.problem(value));
        }
        return value;
    }
}
