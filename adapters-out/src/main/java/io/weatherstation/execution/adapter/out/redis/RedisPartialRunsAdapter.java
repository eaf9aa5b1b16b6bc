package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.application.port.out.PartialRuns;
import io.weatherstation.execution.domain.PartialRun;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.flow.domain.PartialRunMode;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Partial runs in Redis (ADR 0012): {@code flow:{flow_id}:partial_runs:last} (the last number
 * handed out, {@code INCR}, 30 d), {@code flow:{flow_id}:partial_run:{n}} (JSON {@code flow_id,
 * partial_run, trigger_node_id, mode, nodes, inputs, started_at}, 7 d) and the index
 * {@code flow:{flow_id}:partial_runs} (sorted set, 7 d from the last run; bounded to
 * {@code station.state.retention-cycles} entries, like the cycle index).
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisPartialRunsAdapter implements PartialRuns {

    /** KEYS: sequence. ARGV: ttl ms. */
    private static final RedisScript<Long> CLAIM = new DefaultRedisScript<>("""
            local next = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return next
            """, Long.class);

    /** KEYS: run, index. ARGV: ttl ms, json, number, retained. Drops runs beyond the retention. */
    private static final RedisScript<Long> SAVE = new DefaultRedisScript<>("""
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
            if excess > 0 then
              local dropped = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
              redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
              local base = string.sub(KEYS[1], 1, #KEYS[1] - #ARGV[3])
              for _, number in ipairs(dropped) do redis.call('DEL', base .. number) end
            end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final ControlKeys keys;
    private final int retained;

    RedisPartialRunsAdapter(StringRedisTemplate redis, RedisKeyspace keyspace,
            @org.springframework.beans.factory.annotation.Value("${station.state.retention-cycles:100}") int retained) {
        if (retained < 1) {
            throw new IllegalArgumentException("station.state.retention-cycles must be at least 1");
        }
        this.redis = redis;
        this.keys = new ControlKeys(keyspace);
        this.retained = retained;
    }

    @Override
    public PartialRunId claimNext(FlowId flowId) {
        Long next = redis.execute(CLAIM, List.of(keys.partialRunSequence(flowId)),
                Long.toString(ControlKeys.PARTIAL_RUN_SEQUENCE_TTL.toMillis()));
        if (next == null) {
            throw new IllegalStateException("Redis returned no partial run number for flow " + flowId);
        }
        return PartialRunId.of(next);
    }

    @Override
    public void save(PartialRun run) {
        redis.execute(SAVE, List.of(keys.partialRun(run.flowId(), run.id()), keys.partialRuns(run.flowId())),
                Long.toString(ControlKeys.PARTIAL_RUN_TTL.toMillis()), write(run), Long.toString(run.id().value()),
                Integer.toString(retained));
    }

    @Override
    public Optional<PartialRun> find(FlowId flowId, PartialRunId id) {
        return Optional.ofNullable(redis.opsForValue().get(keys.partialRun(flowId, id))).map(RedisPartialRunsAdapter::read);
    }

    @Override
    public List<PartialRun> findByFlow(FlowId flowId, int limit) {
        if (limit < 1) {
            return List.of();
        }
        Set<String> numbers = redis.opsForZSet().reverseRange(keys.partialRuns(flowId), 0, limit - 1L);
        if (numbers == null || numbers.isEmpty()) {
            return List.of();
        }
        List<String> runKeys = numbers.stream().map(n -> keys.partialRun(flowId, PartialRunId.parse(n))).toList();
        List<String> documents = redis.opsForValue().multiGet(runKeys);
        List<PartialRun> runs = new ArrayList<>();
        if (documents != null) {
            documents.stream().filter(java.util.Objects::nonNull).forEach(json -> runs.add(read(json)));
        }
        return runs;
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        Set<String> numbers = redis.opsForZSet().range(keys.partialRuns(flowId), 0, -1);
        List<String> doomed = new ArrayList<>();
        if (numbers != null) {
            numbers.forEach(n -> doomed.add(keys.partialRun(flowId, PartialRunId.parse(n))));
        }
        doomed.add(keys.partialRuns(flowId));
        doomed.add(keys.partialRunSequence(flowId));
        redis.delete(doomed);
    }

    private static String write(PartialRun run) {
        Map<String, @Nullable Object> document = new LinkedHashMap<>();
        document.put("flow_id", run.flowId().value());
        document.put("partial_run", run.id().value());
        document.put("trigger_node_id", run.trigger().value());
        document.put("mode", run.mode().wireName());
        document.put("nodes", run.nodes().stream().map(NodeId::value).toList());
        document.put("inputs", run.inputs().stream().map(i -> {
            Map<String, @Nullable Object> input = new LinkedHashMap<>();
            input.put("node_id", i.node().value());
            input.put("handle", i.handle().value());
            input.put("payload", i.payload());
            return input;
        }).toList());
        document.put("started_at", run.startedAt().toString());
        return StoredJson.write(document);
    }

    @SuppressWarnings("unchecked")
    private static PartialRun read(String json) {
        Map<String, @Nullable Object> document = StoredJson.readDocument(json);
        List<PartialRun.Input> inputs = new ArrayList<>();
        if (document.get("inputs") instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> input = (Map<String, Object>) item;
                Object payload = input.get("payload");
                inputs.add(new PartialRun.Input(NodeId.of(String.valueOf(input.get("node_id"))),
                        HandleName.of(String.valueOf(input.get("handle"))),
                        payload instanceof Map<?, ?> map ? (Map<String, @Nullable Object>) map : Map.of()));
            }
        }
        List<NodeId> nodes = document.get("nodes") instanceof List<?> list
                ? list.stream().map(n -> NodeId.of(String.valueOf(n))).toList() : List.of();
        return new PartialRun(FlowId.of(String.valueOf(document.get("flow_id"))),
                PartialRunId.parse(String.valueOf(document.get("partial_run"))),
                NodeId.of(String.valueOf(document.get("trigger_node_id"))),
                PartialRunMode.fromWireName(String.valueOf(document.get("mode"))), nodes, inputs,
                Instant.parse(String.valueOf(document.get("started_at"))));
    }
}
