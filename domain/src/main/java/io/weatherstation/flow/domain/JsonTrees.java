package io.weatherstation.flow.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Helpers for the generic JSON trees Weather Syntax arrives as: {@code Map} (objects), {@code
 * List} (arrays), {@code String}, {@code Number}, {@code Boolean} and {@code null}.
 */
final class JsonTrees {

    private static final int SHOWN_STRING_LENGTH = 60;

    private JsonTrees() {
    }

    /** An immutable deep copy of a JSON object that keeps key order and null values. */
    static Map<String, @Nullable Object> freezeObject(Map<String, ? extends @Nullable Object> object) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> copy.put(key, freeze(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** An immutable deep copy of a JSON value; scalars are returned as they are. */
    static @Nullable Object freeze(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeObject(stringKeys(map));
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(freeze(element));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** A JSON object's members with keys as strings, in the object's order. */
    static Map<String, @Nullable Object> stringKeys(Map<?, ?> map) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    /** The kind of a JSON value with its article, for messages: "a string", "an object". */
    static String kind(@Nullable Object value) {
        return switch (value) {
            case null -> "null";
            case String _ -> "a string";
            case Boolean _ -> "a boolean";
            case Number _ -> "a number";
            case Map<?, ?> _ -> "an object";
            case List<?> _ -> "an array";
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    /** A short rendering of a value for messages: strings quoted and truncated, containers by kind. */
    static String show(@Nullable Object value) {
        return switch (value) {
            case String s -> "'" + (s.length() > SHOWN_STRING_LENGTH ? s.substring(0, SHOWN_STRING_LENGTH) + "…" : s) + "'";
            case BigDecimal d -> plain(d);
            case Number n -> String.valueOf(n);
            case Boolean b -> String.valueOf(b);
            case null, default -> kind(value);
        };
    }

    /** A JSON number as an exact decimal; null for anything else and for NaN or infinities. */
    static @Nullable BigDecimal decimal(@Nullable Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case Double d -> Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            case Float f -> Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null;
            case Number n -> parseOrNull(n.toString());
            case null, default -> null;
        };
    }

    /** Whether a decimal has no fractional part ({@code 3}, {@code 3.0}, {@code 3E+2}). */
    static boolean integral(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** A bound or value for messages: {@code 1} rather than {@code 1.0}, never an exponent for small numbers. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        // toPlainString of 1E+999999999 would be a billion digits: only expand moderate scales.
        boolean moderate = Math.abs((long) stripped.scale()) <= SHOWN_STRING_LENGTH
                && stripped.precision() <= SHOWN_STRING_LENGTH;
        return moderate ? stripped.toPlainString() : stripped.toString();
    }

    private static @Nullable BigDecimal parseOrNull(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
