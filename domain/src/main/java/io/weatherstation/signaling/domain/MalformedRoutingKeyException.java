package io.weatherstation.signaling.domain;

import org.jspecify.annotations.Nullable;

/**
 * A routing key is not one the station produces. Consumers reject such messages instead of
 * guessing: a key that parses by accident could deliver a signal to the wrong node or cycle.
 */
public final class MalformedRoutingKeyException extends IllegalArgumentException {

    private static final int SHOWN_KEY_LENGTH = 300;

    private final @Nullable String key;
    private final String problem;

    public MalformedRoutingKeyException(@Nullable String key, String problem) {
        super("malformed routing key " + shown(key) + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The key as received (may be null). */
    public @Nullable String key() {
        return key;
    }

    /** What is wrong with it, without the key. */
    public String problem() {
        return problem;
    }

    private static String shown(@Nullable String key) {
        if (key == null) {
            return "(null)";
        }
        return key.length() <= SHOWN_KEY_LENGTH
                ? "'" + key + "'"
                : "'" + key.substring(0, SHOWN_KEY_LENGTH) + "…' (" + key.length() + " characters)";
    }
}
