package io.weatherstation.shared.adapter.out.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/** Small scripts several adapters use, so that a key is never left without its TTL. */
public final class CommonScripts {

    /** KEYS: hash. ARGV: ttl ms, field/value pairs. Writes the fields and sets the TTL in one step. */
    private static final RedisScript<Long> HSET_EXPIRE = new DefaultRedisScript<>("""
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """, Long.class);

    private CommonScripts() {
    }

    /** Writes {@code fields} into the hash {@code key} and gives it {@code ttl}, atomically. */
    public static void hsetWithTtl(StringRedisTemplate redis, String key, Map<String, String> fields, Duration ttl) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("no fields to write to " + key);
        }
        List<String> args = new ArrayList<>(fields.size() * 2 + 1);
        args.add(Long.toString(ttl.toMillis()));
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        redis.execute(HSET_EXPIRE, List.of(key), args.toArray());
    }
}
