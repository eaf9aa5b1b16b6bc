package io.weatherstation.shared.domain;

/**
 * The routing-key-safe identifier alphabet. Identifiers become words of AMQP topic routing
 * keys, so {@code .}, {@code *}, {@code #} and whitespace must never reach them.
 */
public final class Identifier {

    public static final int MAX_LENGTH = 128;

    private Identifier() {
    }

    /** True when {@code value} is 1–128 characters of {@code [A-Za-z0-9_-]}. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        // A loop rather than a regular expression: every id of every signal and task passes here.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
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
