package io.weatherstation.shared.domain;

import java.util.regex.Pattern;

/**
 * The routing-key-safe identifier alphabet. Identifiers become words of AMQP topic routing
 * keys, so {@code .}, {@code *}, {@code #} and whitespace must never reach them.
 */
public final class Identifier {

    public static final int MAX_LENGTH = 128;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    private Identifier() {
    }

    /** True when {@code value} is 1–128 characters of {@code [A-Za-z0-9_-]}. */
    public static boolean isValid(String value) {
        return value != null && SAFE.matcher(value).matches();
    }

    /** Returns {@code value} or throws {@link InvalidIdentifierException} naming {@code kind}. */
    public static String require(String kind, String value) {
        if (!isValid(value)) {
            throw new InvalidIdentifierException(kind, value);
        }
        return value;
    }

    /** A human-readable reason why {@code value} is not a valid identifier. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "must not be empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters (was " + value.length() + ")";
        }
        return "must contain only letters, digits, '_' and '-' (was '" + value + "')";
    }
}
