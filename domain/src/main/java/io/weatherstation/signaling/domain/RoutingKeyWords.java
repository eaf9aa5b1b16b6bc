package io.weatherstation.signaling.domain;

import io.weatherstation.shared.domain.CanonicalDecimal;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.Identifier;
import org.jspecify.annotations.Nullable;

/** Word-level checks shared by the routing key parsers; every failure names the word at fault. */
final class RoutingKeyWords {

    private final String key;
    private final String[] words;

    private RoutingKeyWords(String key, String[] words) {
        this.key = key;
        this.words = words;
    }

    /** Splits {@code key} on {@code .}, keeping empty words so that {@code a..b} is reported. */
    static RoutingKeyWords split(@Nullable String key, String shape, int expectedWords) {
        if (key == null) {
            throw new MalformedRoutingKeyException(null, "routing key is null");
        }
        if (key.isEmpty()) {
            throw new MalformedRoutingKeyException(key, "routing key is empty; expected " + shape);
        }
        int hash = key.indexOf('#');
        if (hash >= 0) {
            throw new MalformedRoutingKeyException(key,
                    "'#' is a binding wildcard and never part of a routing key (at character " + (hash + 1) + ")");
        }
        String[] words = key.split("\\.", -1);
        if (words.length != expectedWords) {
            throw new MalformedRoutingKeyException(key, "expected " + expectedWords + " words separated by '.' ("
                    + shape + "), found " + words.length);
        }
        return new RoutingKeyWords(key, words);
    }

    String word(int index) {
        return words[index];
    }

    void requireLiteral(int index, String literal) {
        if (!words[index].equals(literal)) {
            throw malformed("word " + (index + 1) + " must be '" + literal + "' (was '" + words[index] + "')");
        }
    }

    /** {@code *} is a binding wildcard; only the target handle of a signal key may be exactly {@code *}. */
    void forbidStar(int index, String what) {
        if (words[index].indexOf('*') >= 0) {
            throw malformed("'*' is only allowed as the whole target handle of a signal key, not in the "
                    + what + " (word " + (index + 1) + ", '" + words[index] + "')");
        }
    }

    String identifier(int index, String what) {
        forbidStar(index, what);
        String word = words[index];
        if (!Identifier.isValid(word)) {
            throw malformed(what + " (word " + (index + 1) + ") " + Identifier.problem(word));
        }
        return word;
    }

    /**
     * Reads a non-negative decimal in canonical form (no sign, no leading zeros), so that every
     * key has exactly one spelling. Parsed here rather than by {@link CycleNumber#parse} or
     * {@link ComponentId#parse}, whose digit limits are narrower than the types' ranges.
     */
    long number(int index, String what, long max) {
        forbidStar(index, what);
        String word = words[index];
        if (word.startsWith("-")) {
            throw malformed(what + " (word " + (index + 1) + ") must not be negative (was '" + word + "')");
        }
        if (!CanonicalDecimal.matches(word, Integer.MAX_VALUE)) {
            throw malformed(what + " (word " + (index + 1)
                    + ") must be a non-negative decimal integer without leading zeros (was '" + word + "')");
        }
        long value;
        try {
            value = Long.parseLong(word);
        } catch (NumberFormatException tooLarge) {
            value = -1;
        }
        if (value < 0 || value > max) {
            throw malformed(what + " (word " + (index + 1) + ") is out of range, at most " + max + " (was '" + word + "')");
        }
        return value;
    }

    MalformedRoutingKeyException malformed(String problem) {
        return new MalformedRoutingKeyException(key, problem);
    }
}
