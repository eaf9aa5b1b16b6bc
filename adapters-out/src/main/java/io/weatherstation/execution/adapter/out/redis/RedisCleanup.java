package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.domain.FlowId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import io.weatherstation.execution.application.port.out.StateCleanup;
import org.springframework.stereotype.Component;

/**
 * What TTLs cannot tidy (SPEC §8 clean-up): ids in {@code node_tasks_list} whose task expired,
 * {@code worker_tasks:{w}} sets of workers whose {@code workers:{w}} key is gone (and expired ids
 * in the sets of live workers), entries of {@code flow:{f}:cycles} whose cycle expired, cycles
 * beyond the retention window, and {@code flows} entries without a flow. Safe to run at any time
 * on any instance, repeatedly; meant to run hourly and on demand.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
public final class RedisCleanup implements StateCleanup {

    private static final int BATCH = 1_000;

    private final StringRedisTemplate redis;
    private final ExecutionKeys keys;
    private final RedisCycleStoreAdapter cycles;

    RedisCleanup(StringRedisTemplate redis, RedisKeyspace keyspace, RedisCycleStoreAdapter cycles) {
        this.redis = redis;
        this.keys = new ExecutionKeys(keyspace);
        this.cycles = cycles;
    }

    /**
     * What one clean-up removed.
     *
     * @param expiredTaskIds      ids dropped from {@code node_tasks_list}
     * @param deadWorkerTaskLists {@code worker_tasks:*} sets deleted because their worker is gone
     * @param expiredWorkerTaskIds ids dropped from the task sets of live workers
     * @param expiredCycleEntries entries dropped from {@code flow:*:cycles} whose cycle expired
     * @param trimmedCycles       cycles dropped (with their tasks) beyond the retention window
     * @param orphanFlowEntries   entries dropped from {@code flows} without a {@code flow:*} hash
     */
    public record Report(int expiredTaskIds, int deadWorkerTaskLists, int expiredWorkerTaskIds, int expiredCycleEntries,
            int trimmedCycles, int orphanFlowEntries) {
    }

    @Override
    public StateCleanup.Report clean() {
        Report report = cleanUp();
        return new StateCleanup.Report(report.expiredTaskIds() + report.expiredWorkerTaskIds(),
                report.deadWorkerTaskLists(), report.trimmedCycles() + report.expiredCycleEntries()
                        + report.orphanFlowEntries(), 0);
    }

    public Report cleanUp() {
        int expiredTaskIds = dropMissing(keys.taskList(), keys::taskByDisplay);
        int deadLists = 0;
        int expiredWorkerTaskIds = 0;
        for (String list : scan(keys.workerTasksPattern())) {
            String workerId = keys.keyspace().strip(list).substring("worker_tasks:".length());
            if (Boolean.TRUE.equals(redis.hasKey(keys.worker(workerId)))) {
                expiredWorkerTaskIds += dropMissing(list, keys::taskByDisplay);
            } else {
                redis.unlink(list);
                deadLists++;
            }
        }
        int expiredCycleEntries = 0;
        int trimmed = 0;
        int orphanFlows = 0;
        Set<String> flows = redis.opsForZSet().range(keys.flows(), 0, -1);
        for (String flow : flows == null ? Set.<String>of() : flows) {
            FlowId flowId = FlowId.of(flow);
            if (!Boolean.TRUE.equals(redis.hasKey(keys.keyspace().key("flow:" + flow)))) {
                redis.opsForZSet().remove(keys.flows(), flow);
                orphanFlows++;
            }
            expiredCycleEntries += dropExpiredCycles(flowId);
            trimmed += cycles.trim(flowId);
        }
        return new Report(expiredTaskIds, deadLists, expiredWorkerTaskIds, expiredCycleEntries, trimmed, orphanFlows);
    }

    /** Removes the members of {@code set} whose own key ({@code keyOf}) no longer exists. */
    private int dropMissing(String set, Function<String, String> keyOf) {
        int removed = 0;
        List<String> batch = new ArrayList<>(BATCH);
        try (Cursor<String> cursor = redis.opsForSet().scan(set, ScanOptions.scanOptions().count(BATCH).build())) {
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == BATCH) {
                    removed += dropBatch(set, batch, keyOf);
                    batch.clear();
                }
            }
        }
        return removed + (batch.isEmpty() ? 0 : dropBatch(set, batch, keyOf));
    }

    private int dropBatch(String set, List<String> members, Function<String, String> keyOf) {
        List<Object> exists = redis.executePipelined((RedisCallback<Object>) c -> {
            for (String member : members) {
                c.keyCommands().exists(keyOf.apply(member).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (!Boolean.TRUE.equals(exists.get(i))) {
                missing.add(members.get(i));
            }
        }
        if (!missing.isEmpty()) {
            redis.opsForSet().remove(set, missing.toArray());
        }
        return missing.size();
    }

    private int dropExpiredCycles(FlowId flowId) {
        String index = keys.cycles(flowId);
        Set<String> numbers = redis.opsForZSet().range(index, 0, -1);
        if (numbers == null || numbers.isEmpty()) {
            return 0;
        }
        List<String> ordered = new ArrayList<>(numbers);
        List<Object> exists = redis.executePipelined((RedisCallback<Object>) c -> {
            for (String number : ordered) {
                c.keyCommands().exists(keys.cycle(flowId, io.weatherstation.shared.domain.CycleNumber.parse(number))
                        .getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        List<String> expired = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (!Boolean.TRUE.equals(exists.get(i))) {
                expired.add(ordered.get(i));
            }
        }
        if (!expired.isEmpty()) {
            redis.opsForZSet().remove(index, expired.toArray());
        }
        return expired.size();
    }

    private List<String> scan(String pattern) {
        List<String> found = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(pattern).count(BATCH).build())) {
            cursor.forEachRemaining(found::add);
        }
        return found;
    }
}
