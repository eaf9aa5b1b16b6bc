package io.weatherstation.flow.adapter.out.redis;

import io.weatherstation.flow.application.port.out.TickClaims;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.domain.FlowId;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Tick claims across instances: {@code flow:{flow_id}:tick} holds the latest scheduled instant
 * claimed for the flow; a script compares and advances it in one step, so exactly one instance
 * wins each tick and an instance lagging behind can never claim an older tick again (the same
 * rule as the embedded mode). The key expires 7 days after the last claim.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisTickClaimsAdapter implements TickClaims {

    static final Duration TTL = Duration.ofDays(7);

    /** Instants as zero-padded epoch nanoseconds: string order is time order. */
    private static final int WIDTH = 20;

    /** KEYS: tick key. ARGV: instant, ttl ms. */
    private static final RedisScript<Long> CLAIM = new DefaultRedisScript<>("""
            local last = redis.call('GET', KEYS[1])
            if last and last >= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeyspace keys;

    RedisTickClaimsAdapter(StringRedisTemplate redis, RedisKeyspace keys) {
        this.redis = redis;
        this.keys = keys;
    }

    String tickKey(FlowId flowId) {
        return keys.key("flow:" + flowId.value() + ":tick");
    }

    @Override
    public boolean claim(FlowId flowId, Instant scheduledAt) {
        Long won = redis.execute(CLAIM, List.of(tickKey(flowId)), ordered(scheduledAt), Long.toString(TTL.toMillis()));
        return won != null && won == 1L;
    }

    static String ordered(Instant instant) {
        if (instant.getEpochSecond() < 0) {
            throw new IllegalArgumentException("ticks before 1970 are not supported: " + instant);
        }
        BigInteger nanos = BigInteger.valueOf(instant.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(instant.getNano()));
        String digits = nanos.toString();
        return "0".repeat(Math.max(0, WIDTH - digits.length())) + digits;
    }
}
