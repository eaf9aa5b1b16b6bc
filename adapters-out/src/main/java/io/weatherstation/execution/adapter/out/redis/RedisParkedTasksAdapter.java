package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.application.port.out.ParkedTasks;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Held tasks' assignments in {@code flow:{flow_id}:held_tasks} (hash: {@code {cycle}:{node_id}} →
 * JSON {@code cycle, node_id, node_type, component_id, attempt, inputs}; 7 d from the last park).
 * Taking one is an atomic read-and-delete, so a held task is released by exactly one instance.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisParkedTasksAdapter implements ParkedTasks {

    private final StringRedisTemplate redis;
    private final ControlKeys keys;

    RedisParkedTasksAdapter(StringRedisTemplate redis, RedisKeyspace keyspace) {
        this.redis = redis;
        this.keys = new ControlKeys(keyspace);
    }

    @Override
    public void park(TaskAssignment assignment) {
        NodeTaskId task = assignment.task();
        Map<String, @Nullable Object> document = new LinkedHashMap<>();
        document.put("cycle", task.cycle().value());
        document.put("node_id", task.nodeId().value());
        document.put("node_type", assignment.nodeType());
        document.put("component_id", assignment.component().value());
        document.put("attempt", assignment.attempt());
        document.put("inputs", assignment.inputs());
        redis.execute(ControlKeys.HSET_EXPIRE, List.of(keys.heldTasks(task.flowId())),
                Long.toString(ControlKeys.PAUSE_TTL.toMillis()), field(task), StoredJson.write(document));
    }

    @Override
    public Optional<TaskAssignment> take(NodeTaskId task) {
        String json = redis.execute(ControlKeys.HTAKE, List.of(keys.heldTasks(task.flowId())), field(task));
        return Optional.ofNullable(json).map(j -> read(task.flowId(), j));
    }

    @Override
    public List<TaskAssignment> parked(FlowId flowId) {
        return redis.opsForHash().values(keys.heldTasks(flowId)).stream()
                .map(json -> read(flowId, String.valueOf(json))).toList();
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        redis.delete(keys.heldTasks(flowId));
    }

    private static String field(NodeTaskId task) {
        return task.cycle().value() + ":" + task.nodeId().value();
    }

    @SuppressWarnings("unchecked")
    private static TaskAssignment read(FlowId flowId, String json) {
        Map<String, @Nullable Object> document = StoredJson.readDocument(json);
        Object inputs = document.get("inputs");
        NodeTaskId task = NodeTaskId.of(flowId, CycleNumber.parse(String.valueOf(document.get("cycle"))),
                NodeId.of(String.valueOf(document.get("node_id"))));
        return new TaskAssignment(task, String.valueOf(document.get("node_type")),
                ComponentId.parse(String.valueOf(document.get("component_id"))),
                inputs instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of(),
                Integer.parseInt(String.valueOf(document.get("attempt"))));
    }
}
