package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.application.port.out.ExecutionReads;
import io.weatherstation.execution.domain.PauseState;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The engine's combined reads in one script each: a cycle's {@code …:setup} fields, its
 * {@code flow:{f}:cycle:{n}} hash and {@code …:nodes} set, and for a task start also its
 * {@code trading_flow:node:{id}:terminate} flag and the flow's {@code flow:{f}:pauses} hash. Each
 * part is decoded by the adapter that owns the key, exactly as its own read decodes it; the script
 * only saves the round trips (one instead of four). Reads only: every change still goes through
 * its own adapter.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisExecutionReadsAdapter implements ExecutionReads {

    /**
     * KEYS: setup, cycle, nodes, optionally terminate flag and pauses. ARGV: the setup fields to
     * read. Returns {setup values, cycle hash, node ids[, flag or false, pauses hash]}.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = new DefaultRedisScript<>("""
            local out = {redis.call('HMGET', KEYS[1], unpack(ARGV)), redis.call('HGETALL', KEYS[2]),
              redis.call('SMEMBERS', KEYS[3])}
            if #KEYS > 3 then
              out[4] = {redis.call('GET', KEYS[4])}
              out[5] = redis.call('HVALS', KEYS[5])
            end
            return out
            """, List.class);

    private final StringRedisTemplate redis;
    private final ExecutionKeys keys;
    private final ControlKeys controls;
    private final RedisCycleSetupsAdapter setups;

    RedisExecutionReadsAdapter(StringRedisTemplate redis, RedisKeyspace keyspace, RedisCycleSetupsAdapter setups) {
        this.redis = redis;
        this.keys = new ExecutionKeys(keyspace);
        this.controls = new ControlKeys(keyspace);
        this.setups = setups;
    }

    @Override
    public CycleView cycle(FlowId flowId, CycleNumber cycle) {
        List<?> reply = read(cycleKeys(flowId, cycle));
        return new CycleView(setups.decode(flowId, cycle, list(reply.get(0))),
                RedisCycleStoreAdapter.cycleOf(flowId, strings(reply.get(1)), strings(reply.get(2))));
    }

    @Override
    public TaskStart taskStart(NodeTaskId task) {
        FlowId flowId = task.flowId();
        List<String> keyList = cycleKeys(flowId, task.cycle());
        keyList.add(keys.terminate(task));
        keyList.add(controls.pauses(flowId));
        List<?> reply = read(keyList);
        List<?> flag = list(reply.get(3));
        String json = flag.isEmpty() || !(flag.getFirst() instanceof String s) ? null : s;
        List<?> pauses = list(reply.get(4));
        return new TaskStart(setups.decode(flowId, task.cycle(), list(reply.get(0))),
                RedisCycleStoreAdapter.cycleOf(flowId, strings(reply.get(1)), strings(reply.get(2))),
                RedisTerminationFlagsAdapter.reasonOf(json),
                pauses.isEmpty() ? PauseState.none(flowId) : RedisPauseRegistryAdapter.stateOf(flowId, pauses));
    }

    private List<String> cycleKeys(FlowId flowId, CycleNumber cycle) {
        List<String> keyList = new ArrayList<>(5);
        keyList.add(keys.setup(flowId, cycle));
        keyList.add(keys.cycle(flowId, cycle));
        keyList.add(keys.nodes(flowId, cycle));
        return keyList;
    }

    private List<?> read(List<String> keyList) {
        List<?> reply = redis.execute(READ, keyList, RedisCycleSetupsAdapter.READ_FIELDS.stream().map(String::valueOf)
                .toArray());
        if (reply == null || reply.size() < keyList.size()) {
            throw new IllegalStateException("unexpected answer from the combined execution read: " + reply);
        }
        return reply;
    }

    private static List<?> list(@Nullable Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable List<String> strings(@Nullable Object value) {
        return value instanceof List<?> l ? (List<String>) l : null;
    }
}
