package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.application.port.out.PauseRegistry;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseKind;
import io.weatherstation.execution.domain.PauseState;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Pauses in {@code flow:{flow_id}:pauses} (hash: target → JSON {@code target, pause_type, reason,
 * context, nodes, paused_at}; 7 d from the last pause of the flow). A pause is one {@code HSETNX}
 * and a resume one atomic take of the field, so concurrent operators on any instances get
 * exactly one winner each.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisPauseRegistryAdapter implements PauseRegistry {

    private final StringRedisTemplate redis;
    private final ControlKeys keys;

    RedisPauseRegistryAdapter(StringRedisTemplate redis, RedisKeyspace keyspace) {
        this.redis = redis;
        this.keys = new ControlKeys(keyspace);
    }

    @Override
    public PauseState state(FlowId flowId) {
        Map<Object, Object> fields = redis.opsForHash().entries(keys.pauses(flowId));
        return stateOf(flowId, fields.values());
    }

    /** The pauses from the values of the flow's pauses hash. */
    static PauseState stateOf(FlowId flowId, java.util.Collection<?> values) {
        if (values.isEmpty()) {
            return PauseState.none(flowId);
        }
        List<Pause> pauses = new ArrayList<>();
        values.forEach(json -> pauses.add(read(String.valueOf(json))));
        return new PauseState(flowId, pauses);
    }

    @Override
    public boolean add(FlowId flowId, Pause pause) {
        Long added = redis.execute(ControlKeys.HSETNX_EXPIRE, List.of(keys.pauses(flowId)),
                Long.toString(ControlKeys.PAUSE_TTL.toMillis()), pause.target().key(), write(pause));
        return added != null && added == 1L;
    }

    @Override
    public Optional<Pause> remove(FlowId flowId, PauseTarget target) {
        String json = redis.execute(ControlKeys.HTAKE, List.of(keys.pauses(flowId)), target.key());
        return Optional.ofNullable(json).map(RedisPauseRegistryAdapter::read);
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        redis.delete(keys.pauses(flowId));
    }

    static String write(Pause pause) {
        Map<String, @Nullable Object> document = new LinkedHashMap<>();
        document.put("target", pause.target().key());
        document.put("pause_type", pause.kind().wireName());
        document.put("reason", pause.reason());
        document.put("context", pause.context());
        document.put("nodes", pause.nodes().stream().map(NodeId::value).toList());
        document.put("paused_at", pause.pausedAt().toString());
        return StoredJson.write(document);
    }

    @SuppressWarnings("unchecked")
    static Pause read(String json) {
        Map<String, @Nullable Object> document = StoredJson.readDocument(json);
        Object context = document.get("context");
        Object nodes = document.get("nodes");
        Object reason = document.get("reason");
        return new Pause(PauseTarget.parseKey(String.valueOf(document.get("target"))),
                PauseKind.fromWireName(String.valueOf(document.get("pause_type"))),
                reason == null ? null : String.valueOf(reason),
                context instanceof Map<?, ?> map ? (Map<String, @Nullable Object>) map : Map.of(),
                nodes instanceof List<?> list ? list.stream().map(n -> NodeId.of(String.valueOf(n)))
                        .collect(java.util.stream.Collectors.toSet()) : java.util.Set.of(),
                Instant.parse(String.valueOf(document.get("paused_at"))));
    }
}
