package io.weatherstation.flow.domain;

import io.weatherstation.catalog.domain.ParameterSpec;
import io.weatherstation.catalog.domain.ParameterType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks one config value against its {@link ParameterSpec} and converts it to the declared
 * type where that loses nothing: numeric strings to numbers, integral numbers to integers,
 * {@code "true"}/{@code "false"} to booleans. Nothing is ever turned into a string. Integers
 * become {@link Long}, numbers {@link BigDecimal} (exact: amounts like 0.01 stay 0.01).
 *
 * <p>Values of secret parameters are never echoed in messages.
 */
final class ParameterCoercion {

    private static final Pattern NUMERIC_TEXT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final int MAX_NUMERIC_TEXT = 100;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ParameterCoercion() {
    }

    /** Either the coerced value, or a problem code and message. */
    record Outcome(@Nullable Object value, @Nullable String code, @Nullable String message) {

        static Outcome ok(@Nullable Object value) {
            return new Outcome(value, null, null);
        }

        static Outcome problem(String code, String message) {
            return new Outcome(null, code, message);
        }

        boolean failed() {
            return code != null;
        }
    }

    static Outcome coerce(ParameterSpec spec, Object value) {
        return switch (spec.type()) {
            case STRING -> string(spec, value);
            case INTEGER -> integer(spec, value);
            case NUMBER -> number(spec, value);
            case BOOLEAN -> bool(spec, value);
            case OBJECT -> value instanceof Map<?, ?> ? Outcome.ok(JsonTrees.freeze(value)) : wrongType(spec, value);
            case ARRAY -> value instanceof List<?> ? Outcome.ok(JsonTrees.freeze(value)) : wrongType(spec, value);
            case ANY -> Outcome.ok(JsonTrees.freeze(value));
        };
    }

    private static Outcome string(ParameterSpec spec, Object value) {
        if (!(value instanceof String text)) {
            return wrongType(spec, value);
        }
        if (!spec.allowedValues().isEmpty() && !spec.allowedValues().contains(text)) {
            return Outcome.problem(ProblemCodes.INVALID_PARAMETER, "parameter '" + spec.name() + "' must be one of "
                    + String.join(", ", spec.allowedValues()) + ", was " + shown(spec, value));
        }
        return Outcome.ok(text);
    }

    private static Outcome integer(ParameterSpec spec, Object value) {
        BigDecimal number = numeric(value);
        if (number == null) {
            return wrongType(spec, value);
        }
        if (!JsonTrees.integral(number)) {
            return Outcome.problem(ProblemCodes.INVALID_PARAMETER, "parameter '" + spec.name()
                    + "' must be an integer, was " + shown(spec, value));
        }
        Outcome range = range(spec, value, number);
        if (range != null) {
            return range;
        }
        if (number.compareTo(LONG_MIN) < 0 || number.compareTo(LONG_MAX) > 0) {
            return Outcome.problem(ProblemCodes.OUT_OF_RANGE, "parameter '" + spec.name()
                    + "' must be a 64-bit integer, was " + shown(spec, value));
        }
        return Outcome.ok(number.longValueExact());
    }

    private static Outcome number(ParameterSpec spec, Object value) {
        BigDecimal number = numeric(value);
        if (number == null) {
            return wrongType(spec, value);
        }
        Outcome range = range(spec, value, number);
        return range != null ? range : Outcome.ok(number);
    }

    private static Outcome bool(ParameterSpec spec, Object value) {
        if (value instanceof Boolean) {
            return Outcome.ok(value);
        }
        if (value instanceof String text) {
            String normalised = text.strip().toLowerCase(Locale.ROOT);
            if (normalised.equals("true") || normalised.equals("false")) {
                return Outcome.ok(Boolean.valueOf(normalised));
            }
        }
        return wrongType(spec, value);
    }

    private static @Nullable Outcome range(ParameterSpec spec, Object value, BigDecimal number) {
        boolean belowMin = spec.minimum() != null && number.compareTo(BigDecimal.valueOf(spec.minimum())) < 0;
        boolean aboveMax = spec.maximum() != null && number.compareTo(BigDecimal.valueOf(spec.maximum())) > 0;
        if (!belowMin && !aboveMax) {
            return null;
        }
        String bounds;
        if (spec.minimum() != null && spec.maximum() != null) {
            bounds = "between " + bound(spec.minimum()) + " and " + bound(spec.maximum());
        } else if (spec.minimum() != null) {
            bounds = "at least " + bound(spec.minimum());
        } else {
            bounds = "at most " + bound(java.util.Objects.requireNonNull(spec.maximum()));
        }
        return Outcome.problem(ProblemCodes.OUT_OF_RANGE, "parameter '" + spec.name() + "' must be " + bounds
                + ", was " + shown(spec, value));
    }

    /** A number, or a string holding one; null for anything else. */
    private static @Nullable BigDecimal numeric(Object value) {
        if (value instanceof String text) {
            String trimmed = text.strip();
            if (trimmed.length() <= MAX_NUMERIC_TEXT && NUMERIC_TEXT.matcher(trimmed).matches()) {
                return new BigDecimal(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
            }
            return null;
        }
        if (value instanceof Boolean) {
            return null;
        }
        return JsonTrees.decimal(value);
    }

    private static Outcome wrongType(ParameterSpec spec, Object value) {
        return Outcome.problem(ProblemCodes.INVALID_PARAMETER, "parameter '" + spec.name() + "' must be "
                + article(spec.type()) + ", was " + (spec.secret() ? JsonTrees.kind(value) : JsonTrees.show(value)));
    }

    private static String article(ParameterType type) {
        return switch (type) {
            case INTEGER, OBJECT, ARRAY -> "an " + type.wireName();
            case ANY -> "any value";
            default -> "a " + type.wireName();
        };
    }

    private static String shown(ParameterSpec spec, Object value) {
        return spec.secret() ? "a value that is not shown (secret parameter)" : JsonTrees.show(value);
    }

    private static String bound(Double bound) {
        return JsonTrees.plain(BigDecimal.valueOf(bound));
    }
}
