package io.weatherstation.workers.adapter.out.redis;

import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.workers.application.port.out.WorkerDirectory;
import io.weatherstation.workers.domain.WorkerInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Workers in {@code workers:{worker_id}} hashes ({@code id, api_url, supported_nodes} (JSON list),
 * {@code status, last_heartbeat}, plus {@code started_at}), which expire 60 s after the last
 * heartbeat. The sorted set {@code workers} (score: last heartbeat) lists them; it expires with the
 * last heartbeat too, and entries whose hash is gone are dropped when read. A worker that leaves
 * takes its {@code worker_tasks:{worker_id}} set with it.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisWorkerDirectoryAdapter implements WorkerDirectory {

    static final Duration TTL = Duration.ofSeconds(60);

    /** KEYS: worker hash, index. ARGV: ttl ms, id, score, field/value pairs. */
    private static final RedisScript<Long> HEARTBEAT = new DefaultRedisScript<>("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 4))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeyspace keys;
    private final Clock clock;

    RedisWorkerDirectoryAdapter(StringRedisTemplate redis, RedisKeyspace keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    String workerKey(WorkerId id) {
        return keys.key("workers:" + id.value());
    }

    String indexKey() {
        return keys.key("workers");
    }

    @Override
    public void heartbeat(WorkerInfo worker) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(TTL.toMillis()));
        args.add(worker.id().value());
        args.add(Long.toString(worker.lastHeartbeat().toEpochMilli()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", worker.id().value());
        fields.put("api_url", worker.apiUrl());
        fields.put("supported_nodes", StoredJson.write(worker.supportedNodes()));
        fields.put("status", worker.status());
        fields.put("last_heartbeat", worker.lastHeartbeat().toString());
        fields.put("started_at", worker.startedAt().toString());
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        redis.execute(HEARTBEAT, List.of(workerKey(worker.id()), indexKey()), args.toArray());
    }

    @Override
    public void remove(WorkerId worker) {
        redis.delete(List.of(workerKey(worker), keys.key("worker_tasks:" + worker.value())));
        redis.opsForZSet().remove(indexKey(), worker.value());
    }

    @Override
    public List<WorkerInfo> live() {
        Set<String> ids = redis.opsForZSet().range(indexKey(), 0, -1);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> ordered = new ArrayList<>(ids);
        List<Object> hashes = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (String id : ordered) {
                connection.hashCommands().hGetAll(workerKey(WorkerId.of(id)).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        Instant cutoff = clock.instant().minus(TTL);
        List<WorkerInfo> live = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, String> hash = (Map<String, String>) hashes.get(i);
            if (hash == null || hash.isEmpty()) {
                gone.add(ordered.get(i));
                continue;
            }
            WorkerInfo worker = decode(hash);
            if (!worker.lastHeartbeat().isBefore(cutoff)) {
                live.add(worker);
            }
        }
        if (!gone.isEmpty()) {
            redis.opsForZSet().remove(indexKey(), gone.toArray());
        }
        live.sort(Comparator.comparing(w -> w.id().value()));
        return live;
    }

    private static WorkerInfo decode(Map<String, String> hash) {
        Instant heartbeat = Instant.parse(hash.get("last_heartbeat"));
        String started = hash.get("started_at");
        List<String> supported = StoredJson.readList(hash.getOrDefault("supported_nodes", "[]")).stream()
                .map(String::valueOf).toList();
        return new WorkerInfo(WorkerId.of(hash.get("id")), hash.getOrDefault("api_url", ""), supported,
                hash.getOrDefault("status", "active"), started == null ? heartbeat : Instant.parse(started), heartbeat);
    }
}
