package io.weatherstation.shared.adapter.out.redis;

import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Where the station's keys live: every key (and the pub/sub channels) goes behind the optional
 * prefix {@code station.redis.key-prefix} (empty by default, SPEC §8), so several stations — or
 * test runs — can share one Redis without seeing each other's state.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
public final class RedisKeyspace {

    private final String prefix;

    RedisKeyspace(@Value("${station.redis.key-prefix:}") String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        if (prefix.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == ']' || c == '\\'
                || Character.isWhitespace(c))) {
            // The prefix ends up in SCAN patterns: glob characters would match other stations' keys.
            throw new IllegalArgumentException("station.redis.key-prefix must not contain whitespace or * ? [ ] \\ (was '"
                    + prefix + "')");
        }
    }

    /** A keyspace with this prefix (tests, tools). */
    public static RedisKeyspace withPrefix(String prefix) {
        return new RedisKeyspace(prefix);
    }

    /** {@code prefix + name}. */
    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + name;
    }

    /** The key without the prefix (for keys read back from SCAN). */
    public String strip(String key) {
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public String toString() {
        return "RedisKeyspace[prefix='" + prefix + "']";
    }
}
