package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.domain.EdgeKey;
import io.weatherstation.execution.domain.HandleArrivals;
import io.weatherstation.execution.domain.NodeInputWiring;
import io.weatherstation.execution.domain.ReadinessTracker;
import io.weatherstation.execution.domain.ReadinessVerdict;
import io.weatherstation.execution.domain.SkipReason;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.signaling.domain.MalformedSignalException;
import io.weatherstation.signaling.domain.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Input inboxes in Redis: {@code flow:{flow_id}:cycle:{cycle}:inbox:{node_id}}, a hash with one
 * field per resolved (handle, edge) — {@code {handle}|{source_node}.{source_handle}}, identifiers
 * never contain {@code |} or {@code .} — holding {@code s<signal JSON>} or {@code x<skip reason>},
 * and, once readiness is decided, {@code _decided}. 7 d TTL; dropped when the cycle ends.
 *
 * <p>Readiness is decided in two atomic steps. A script records the arrival with HSETNX (so a
 * redelivery, or a signal on an edge already skipped, changes nothing) and returns the whole
 * inbox, unless readiness was already decided. The domain's {@link ReadinessTracker} is restored
 * from it and evaluated; a READY or SKIP verdict then has to win HSETNX on {@code _decided}: exactly
 * one caller, on any instance, gets it, every other one gets ALREADY_TRIGGERED.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisTaskInboxAdapter implements TaskInbox {

    static final String DECIDED = "_decided";
    private static final char SIGNAL = 's';
    private static final char SKIP = 'x';

    /**
     * KEYS: inbox. ARGV: ttl ms, claim (a verdict outcome, or empty), field/value pairs. Returns
     * {1} when already decided; {2} when it claimed the decision for {@code claim} — only when the
     * claim is given and the inbox holds exactly the one arrival just recorded, so that the
     * verdict the caller evaluated on that arrival alone is the verdict of the whole inbox; else
     * {0, HGETALL}.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RECORD = new DefaultRedisScript<>("""
            if redis.call('HEXISTS', KEYS[1], '_decided') == 1 then return {1} end
            local added = 0
            for i = 3, #ARGV, 2 do added = added + redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) end
            if #ARGV > 2 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            if ARGV[2] ~= '' and #ARGV == 4 and added == 1 and redis.call('HLEN', KEYS[1]) == 1 then
              redis.call('HSET', KEYS[1], '_decided', ARGV[2])
              return {2}
            end
            return {0, redis.call('HGETALL', KEYS[1])}
            """, List.class);

    private final StringRedisTemplate redis;
    private final ExecutionKeys keys;

    RedisTaskInboxAdapter(StringRedisTemplate redis, RedisKeyspace keyspace) {
        this.redis = redis;
        this.keys = new ExecutionKeys(keyspace);
    }

    @Override
    public ReadinessVerdict deliver(NodeTaskId task, NodeInputWiring wiring, EdgeKey edge, @Nullable HandleName handle,
            Signal signal) {
        ReadinessTracker scratch = ReadinessTracker.forInputs(wiring);
        try {
            if (handle == null) {
                scratch.recordWildcardSignal(edge, signal);
            } else {
                scratch.recordSignal(handle, edge, signal);
            }
        } catch (MalformedSignalException malformed) {
            // Like the in-memory inbox: a late wildcard is ignored even if malformed.
            if (Boolean.TRUE.equals(redis.opsForHash().hasKey(inboxKey(task), DECIDED))) {
                return alreadyDecided(null);
            }
            throw malformed;
        }
        return recordAndDecide(task, wiring, scratch);
    }

    @Override
    public ReadinessVerdict skip(NodeTaskId task, NodeInputWiring wiring, EdgeKey edge, SkipReason reason) {
        ReadinessTracker scratch = ReadinessTracker.forInputs(wiring);
        scratch.recordSkip(edge, reason);
        return recordAndDecide(task, wiring, scratch);
    }

    @Override
    public void forgetCycle(FlowId flowId, CycleNumber cycle) {
        Set<String> nodes = redis.opsForSet().members(keys.nodes(flowId, cycle));
        if (nodes != null && !nodes.isEmpty()) {
            redis.unlink(nodes.stream().map(node -> keys.inbox(flowId, cycle, NodeId.of(node))).toList());
        } else {
            unlinkMatching(keys.keyspace().key("flow:" + flowId.value() + ":cycle:" + cycle.value() + ":inbox:*"));
        }
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        unlinkMatching(keys.keyspace().key("flow:" + flowId.value() + ":cycle:*:inbox:*"));
    }

    String inboxKey(NodeTaskId task) {
        return keys.inbox(task.flowId(), task.cycle(), task.nodeId());
    }

    @SuppressWarnings("unchecked")
    private ReadinessVerdict recordAndDecide(NodeTaskId task, NodeInputWiring wiring, ReadinessTracker scratch) {
        String key = inboxKey(task);
        List<String> args = new ArrayList<>();
        args.add(Long.toString(ExecutionKeys.CYCLE_TTL.toMillis()));
        args.add("");
        scratch.arrivals().forEach((handle, arrivals) -> {
            arrivals.signals().forEach((edge, signal) -> {
                args.add(field(handle, edge));
                args.add(SIGNAL + StoredJson.write(signal.toDocument()));
            });
            arrivals.skipped().forEach((edge, reason) -> {
                args.add(field(handle, edge));
                args.add(SKIP + reason.wireName());
            });
        });
        // One arrival: should the inbox hold nothing else, its verdict is decided on it alone
        // (restored from the stored form, as the inbox would be) and claimed by the same script.
        ReadinessVerdict alone = null;
        if (args.size() == 4) {
            alone = ReadinessTracker.restore(wiring, arrivals(wiring, args.subList(2, 4)), false).evaluate();
            if (alone.isDecision()) {
                args.set(1, alone.outcome().name());
            }
        }
        List<Object> reply = redis.execute(RECORD, List.of(key), args.toArray());
        if (reply == null || reply.isEmpty()) {
            throw new IllegalStateException("no reply from the inbox script for " + task);
        }
        long answer = ((Number) reply.get(0)).longValue();
        if (answer == 1L) {
            return alreadyDecided(null);
        }
        if (answer == 2L && alone != null && alone.isDecision()) {
            return alone;
        }
        List<String> flat = (List<String>) reply.get(1);
        ReadinessTracker tracker = ReadinessTracker.restore(wiring, arrivals(wiring, flat), false);
        ReadinessVerdict verdict = tracker.evaluate();
        if (!verdict.isDecision()) {
            return verdict;
        }
        Boolean won = redis.opsForHash().putIfAbsent(key, DECIDED, verdict.outcome().name());
        return Boolean.TRUE.equals(won) ? verdict : alreadyDecided(verdict.outcome());
    }

    private static ReadinessVerdict alreadyDecided(ReadinessVerdict.@Nullable Outcome outcome) {
        return ReadinessVerdict.alreadyTriggered("readiness was already decided" + (outcome == null ? "" : " (" + outcome + ")"));
    }

    private static String field(HandleName handle, EdgeKey edge) {
        return handle.value() + "|" + edge.display();
    }

    private static Map<HandleName, HandleArrivals> arrivals(NodeInputWiring wiring, List<String> flat) {
        Map<HandleName, Map<EdgeKey, Signal>> signals = new LinkedHashMap<>();
        Map<HandleName, Map<EdgeKey, SkipReason>> skips = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            String field = flat.get(i);
            int bar = field.indexOf('|');
            if (bar < 0) {
                continue; // _decided
            }
            HandleName handle = HandleName.of(field.substring(0, bar));
            EdgeKey edge = EdgeKey.parse(field.substring(bar + 1));
            if (wiring.handle(handle).isEmpty()) {
                continue;
            }
            String value = flat.get(i + 1);
            String body = value.substring(1);
            if (value.charAt(0) == SIGNAL) {
                signals.computeIfAbsent(handle, h -> new LinkedHashMap<>())
                        .put(edge, Signal.fromDocument(StoredJson.readPayload(body)));
            } else {
                skips.computeIfAbsent(handle, h -> new LinkedHashMap<>()).put(edge, SkipReason.fromWireName(body));
            }
        }
        Map<HandleName, HandleArrivals> arrived = new LinkedHashMap<>();
        wiring.handles().forEach(h -> arrived.put(h.handle(),
                new HandleArrivals(signals.getOrDefault(h.handle(), Map.of()), skips.getOrDefault(h.handle(), Map.of()))));
        return arrived;
    }

    private void unlinkMatching(String pattern) {
        List<String> found = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(pattern).count(1_000).build())) {
            cursor.forEachRemaining(found::add);
        }
        if (!found.isEmpty()) {
            redis.unlink(found);
        }
    }
}
