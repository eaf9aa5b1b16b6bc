package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.weatherstation.shared.domain.FlowId;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Termination requests in {@code trading_flow:node:{node_task_id}:terminate} (JSON {@code reason,
 * timestamp}, 1 h TTL). Each request is also published on {@code {prefix}station:terminations},
 * so the instance running the task interrupts it at once ({@link TerminationListener}); the flag
 * stays for a task that has not started yet or whose instance missed the message.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisTerminationFlagsAdapter implements TerminationFlags {

    private final StringRedisTemplate redis;
    private final ExecutionKeys keys;
    private final Clock clock;

    RedisTerminationFlagsAdapter(StringRedisTemplate redis, RedisKeyspace keyspace, Clock clock) {
        this.redis = redis;
        this.keys = new ExecutionKeys(keyspace);
        this.clock = clock;
    }

    @Override
    public void request(NodeTaskId task, String reason) {
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("reason", reason);
        flag.put("timestamp", clock.instant().toString());
        flag.put("flow_id", task.flowId().value());
        redis.opsForValue().set(keys.terminate(task), StoredJson.write(flag), ExecutionKeys.TERMINATE_TTL);
        redis.convertAndSend(keys.terminationChannel(), TerminationListener.message(task, reason));
    }

    @Override
    public Optional<String> requested(NodeTaskId task) {
        return reasonOf(redis.opsForValue().get(keys.terminate(task)));
    }

    /** The reason of a stored termination request, if there is one. */
    static Optional<String> reasonOf(@org.jspecify.annotations.Nullable String json) {
        if (json == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(StoredJson.readDocument(json).get("reason")).map(String::valueOf);
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        List<String> owned = new ArrayList<>();
        ScanOptions options = ScanOptions.scanOptions().match(keys.terminatePattern(flowId)).count(500).build();
        try (Cursor<String> cursor = redis.scan(options)) {
            while (cursor.hasNext()) {
                String key = cursor.next();
                String json = redis.opsForValue().get(key);
                if (json != null && flowId.value().equals(StoredJson.readDocument(json).get("flow_id"))) {
                    owned.add(key);
                }
            }
        }
        if (!owned.isEmpty()) {
            redis.delete(owned);
        }
    }
}
