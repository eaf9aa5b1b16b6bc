package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/** The keys of operator controls — pauses, held tasks, partial runs (ADR 0009, ADR 0012). */
final class ControlKeys {

    /** Pauses and held tasks: as long as the cycles whose tasks they hold, from the last change. */
    static final Duration PAUSE_TTL = Duration.ofDays(7);
    static final Duration PARTIAL_RUN_TTL = Duration.ofDays(7);
    /** Longer than every partial run it numbered, so no number is handed out twice. */
    static final Duration PARTIAL_RUN_SEQUENCE_TTL = Duration.ofDays(30);

    /** KEYS: hash. ARGV: ttl ms, field, value. HSETNX and refresh the TTL; 1 when the field was new. */
    static final RedisScript<Long> HSETNX_EXPIRE = new DefaultRedisScript<>("""
            local added = redis.call('HSETNX', KEYS[1], ARGV[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return added
            """, Long.class);

    /** KEYS: hash. ARGV: ttl ms, field, value. HSET and refresh the TTL. */
    static final RedisScript<Long> HSET_EXPIRE = new DefaultRedisScript<>("""
            redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """, Long.class);

    /** KEYS: hash. ARGV: field. Removes the field and returns its value (nil when absent). */
    static final RedisScript<String> HTAKE = new DefaultRedisScript<>("""
            local value = redis.call('HGET', KEYS[1], ARGV[1])
            if value then redis.call('HDEL', KEYS[1], ARGV[1]) end
            return value
            """, String.class);

    private final RedisKeyspace keys;

    ControlKeys(RedisKeyspace keys) {
        this.keys = keys;
    }

    /** {@code flow:{flow_id}:pauses} hash: {@code flow | component:{c} | node:{n}} → pause JSON. */
    String pauses(FlowId flow) {
        return keys.key("flow:" + flow.value() + ":pauses");
    }

    /** {@code flow:{flow_id}:held_tasks} hash: {@code {cycle}:{node_id}} → parked assignment JSON. */
    String heldTasks(FlowId flow) {
        return keys.key("flow:" + flow.value() + ":held_tasks");
    }

    /** {@code flow:{flow_id}:partial_run:{n}} string: the partial run as started (JSON). */
    String partialRun(FlowId flow, PartialRunId id) {
        return keys.key("flow:" + flow.value() + ":partial_run:" + id.value());
    }

    /** {@code flow:{flow_id}:partial_runs} sorted set of partial run numbers. */
    String partialRuns(FlowId flow) {
        return keys.key("flow:" + flow.value() + ":partial_runs");
    }

    /** {@code flow:{flow_id}:partial_runs:last} string: the last partial run number handed out. */
    String partialRunSequence(FlowId flow) {
        return keys.key("flow:" + flow.value() + ":partial_runs:last");
    }
}
