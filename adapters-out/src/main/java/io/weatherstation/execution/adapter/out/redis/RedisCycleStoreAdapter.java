package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups.CycleSetup;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.domain.ComponentStop;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.NodeDefinition;
import io.weatherstation.shared.adapter.out.redis.Contention;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Cycles and their node tasks in Redis (SPEC §8, ADR 0009), the twin of the embedded mode's
 * in-memory cycle store.
 *
 * <ul>
 *   <li>{@code flow:{f}:cycle:{n}} hash ({@code flow_id, cycle, status, start_time, end_time},
 *       plus {@code component_stops}, {@code termination_requested}, {@code task_order},
 *       {@code revision}) and {@code …:nodes} set, 7 d; {@code …:finished} set (nodes whose task
 *       is terminal), 7 d; {@code …:component:{c}:stop} = "1", 1 h.</li>
 *   <li>{@code node_tasks:{id}} JSON and {@code trading_flow:node:{id}} hash, 24 h, refreshed by
 *       every change; {@code node_tasks_list} and {@code worker_tasks:{w}} sets, kept tidy by
 *       {@link RedisCleanup}.</li>
 *   <li>{@code flow:{f}:cycles} sorted set (the retained cycles, newest last) and
 *       {@code flow:{f}:cycles:running} set, 7 d from the last cycle start. Per flow, the last
 *       {@code station.state.retention-cycles} cycles are retained; older finished cycles are
 *       dropped with their tasks when a new one starts, as in the embedded mode.</li>
 * </ul>
 *
 * <p>Every write is one script, so readers on any instance see a cycle with all its tasks or not
 * at all. Changes are optimistic: a cycle carries a {@code revision}, a task is compared by the
 * SHA-1 of its stored document; on a conflict the change is applied again to the fresh state.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisCycleStoreAdapter implements CycleRepository, NodeTaskRepository {

    static final String FLOW_ID = "flow_id";
    static final String CYCLE = "cycle";
    static final String STATUS = "status";
    static final String START_TIME = "start_time";
    static final String END_TIME = "end_time";
    static final String COMPONENT_STOPS = "component_stops";
    static final String TERMINATION_REQUESTED = "termination_requested";
    static final String TASK_ORDER = "task_order";
    static final String REVISION = "revision";

    private static final int MAX_ATTEMPTS = 1_000;
    private static final int MAX_REMEMBERED = 8_192;

    /**
     * KEYS: cycle, nodes, cycles index, running set, node_tasks_list, then (node_tasks, trading_flow:node)
     * per task. ARGV: cycle ttl, task ttl, cycle number, running flag, field count, fields…, node count,
     * nodes…, then per task: json, status, updated_at, error_message, display id.
     */
    private static final RedisScript<Long> INSERT_CYCLE = new DefaultRedisScript<>("""
            local cycleTtl, taskTtl, number = ARGV[1], ARGV[2], ARGV[3]
            local i = 6
            local fields = {}
            for j = 1, tonumber(ARGV[5]) do fields[j] = ARGV[i]; i = i + 1 end
            redis.call('DEL', KEYS[1], KEYS[2])
            redis.call('HSET', KEYS[1], unpack(fields))
            redis.call('PEXPIRE', KEYS[1], cycleTtl)
            local nodeCount = tonumber(ARGV[i]); i = i + 1
            for j = 1, nodeCount do redis.call('SADD', KEYS[2], ARGV[i]); i = i + 1 end
            redis.call('PEXPIRE', KEYS[2], cycleTtl)
            redis.call('ZADD', KEYS[3], number, number)
            redis.call('PEXPIRE', KEYS[3], cycleTtl)
            if ARGV[4] == '1' then
              redis.call('SADD', KEYS[4], number)
            else
              redis.call('SREM', KEYS[4], number)
            end
            redis.call('PEXPIRE', KEYS[4], cycleTtl)
            local k = 6
            while k <= #KEYS do
              redis.call('SET', KEYS[k], ARGV[i], 'PX', taskTtl)
              redis.call('HSET', KEYS[k + 1], 'status', ARGV[i + 1], 'updated_at', ARGV[i + 2], 'error_message', ARGV[i + 3])
              redis.call('PEXPIRE', KEYS[k + 1], taskTtl)
              redis.call('SADD', KEYS[5], ARGV[i + 4])
              i = i + 5
              k = k + 2
            end
            return 1
            """, Long.class);

    /** KEYS: (cycle hash, nodes set) pairs. Returns one {hash fields, node ids} pair per cycle. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ_CYCLES = new DefaultRedisScript<>("""
            local out = {}
            for i = 1, #KEYS, 2 do
              out[#out + 1] = {redis.call('HGETALL', KEYS[i]), redis.call('SMEMBERS', KEYS[i + 1])}
            end
            return out
            """, List.class);

    /**
     * KEYS: cycle hash, running set, then stop-flag keys to set. ARGV: expected revision, stop ttl,
     * cycle number, terminal flag, field/value pairs. 1 stored, 0 conflict, -1 gone.
     */
    private static final RedisScript<Long> UPDATE_CYCLE = new DefaultRedisScript<>("""
            local revision = redis.call('HGET', KEYS[1], 'revision')
            if not revision then return -1 end
            if revision ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV, 5))
            if ARGV[4] == '1' then redis.call('SREM', KEYS[2], ARGV[3]) end
            for k = 3, #KEYS do redis.call('SET', KEYS[k], '1', 'PX', ARGV[2]) end
            return 1
            """, Long.class);

    /**
     * KEYS: running set. ARGV: the cycle hash key without its number. Returns {number, status or
     * false} per member, the status read from each cycle's hash.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RUNNING = new DefaultRedisScript<>("""
            local out = {}
            for _, number in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              out[#out + 1] = {number, redis.call('HGET', ARGV[1] .. number, 'status')}
            end
            return out
            """, List.class);

    /** KEYS: nodes set, finished set. ARGV: node id, ttl. Unfinished count, or -1 for an unknown cycle. */
    private static final RedisScript<Long> TASK_FINISHED = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
              redis.call('SADD', KEYS[2], ARGV[1])
              redis.call('PEXPIRE', KEYS[2], ARGV[2])
            end
            return redis.call('SCARD', KEYS[1]) - redis.call('SCARD', KEYS[2])
            """, Long.class);

    /**
     * KEYS: node_tasks, trading_flow:node, optionally worker_tasks. ARGV: SHA-1 of the document
     * read, new document, ttl, status, updated_at, error_message, display id. 1 stored, 0
     * conflict, -1 gone.
     */
    private static final RedisScript<Long> UPDATE_TASK = new DefaultRedisScript<>("""
            local current = redis.call('GET', KEYS[1])
            if not current then return -1 end
            if redis.sha1hex(current) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            redis.call('HSET', KEYS[2], 'status', ARGV[4], 'updated_at', ARGV[5], 'error_message', ARGV[6])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            if KEYS[3] then redis.call('SADD', KEYS[3], ARGV[7]) end
            return 1
            """, Long.class);

    /**
     * {@link #UPDATE_TASK} for a change that completes the task, which also counts it finished as
     * {@link #TASK_FINISHED} does. KEYS: node_tasks, trading_flow:node, nodes set, finished set,
     * optionally worker_tasks. ARGV: as UPDATE_TASK, then node id, cycle ttl. {1, unfinished count
     * (-1 for an unknown cycle)} stored, {0} conflict, {-1} gone.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COMPLETE_TASK = new DefaultRedisScript<>("""
            local current = redis.call('GET', KEYS[1])
            if not current then return {-1} end
            if redis.sha1hex(current) ~= ARGV[1] then return {0} end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            redis.call('HSET', KEYS[2], 'status', ARGV[4], 'updated_at', ARGV[5], 'error_message', ARGV[6])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            if KEYS[5] then redis.call('SADD', KEYS[5], ARGV[7]) end
            if redis.call('EXISTS', KEYS[3]) == 0 then return {1, -1} end
            if redis.call('SISMEMBER', KEYS[3], ARGV[8]) == 1 then
              redis.call('SADD', KEYS[4], ARGV[8])
              redis.call('PEXPIRE', KEYS[4], ARGV[9])
            end
            return {1, redis.call('SCARD', KEYS[3]) - redis.call('SCARD', KEYS[4])}
            """, List.class);

    private final StringRedisTemplate redis;
    private final ExecutionKeys keys;
    private final RedisCycleSetupsAdapter setups;
    private final int retentionCycles;
    /** The last document this instance wrote for each unfinished task (see {@link #update(NodeTaskId, Function)}). */
    private final Map<NodeTaskId, String> lastWritten = new ConcurrentHashMap<>();
    /**
     * The unfinished count of the task this thread completed last, already counted by the write
     * that completed it: the engine's next step on the same thread is {@link #taskFinished} for
     * that task, which takes it instead of counting again. Any other update clears it.
     */
    private final ThreadLocal<@Nullable Counted> counted = new ThreadLocal<>();

    RedisCycleStoreAdapter(StringRedisTemplate redis, RedisKeyspace keyspace, RedisCycleSetupsAdapter setups,
            @Value("${station.state.retention-cycles:100}") int retentionCycles) {
        if (retentionCycles < 1) {
            throw new IllegalArgumentException("station.state.retention-cycles must be at least 1");
        }
        this.redis = redis;
        this.keys = new ExecutionKeys(keyspace);
        this.setups = setups;
        this.retentionCycles = retentionCycles;
    }

    // ----------------------------------------------------------------------------------- cycles

    @Override
    public void insert(Cycle cycle, Collection<NodeTask> tasks) {
        FlowId flowId = cycle.flowId();
        CycleNumber number = cycle.number();
        Map<NodeId, NodeDefinition> definitions = setups.forInsert(flowId, number).map(CycleSetup::definition)
                .map(RedisCycleStoreAdapter::byId).orElse(Map.of());
        List<String> keyList = new ArrayList<>();
        keyList.add(keys.cycle(flowId, number));
        keyList.add(keys.nodes(flowId, number));
        keyList.add(keys.cycles(flowId));
        keyList.add(keys.running(flowId));
        keyList.add(keys.taskList());
        List<String> args = new ArrayList<>();
        args.add(Long.toString(ExecutionKeys.CYCLE_TTL.toMillis()));
        args.add(Long.toString(ExecutionKeys.TASK_TTL.toMillis()));
        args.add(Long.toString(number.value()));
        args.add(cycle.isRunning() ? "1" : "0");
        Map<String, String> fields = encode(cycle, tasks.stream().map(t -> t.id().nodeId()).toList());
        fields.put(REVISION, "1");
        args.add(Integer.toString(fields.size() * 2));
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        args.add(Integer.toString(cycle.nodes().size()));
        cycle.nodes().forEach(node -> args.add(node.value()));
        Map<NodeTaskId, String> documents = new LinkedHashMap<>();
        for (NodeTask task : tasks) {
            keyList.add(keys.task(task.id()));
            keyList.add(keys.taskState(task.id()));
            NodeDefinition definition = definitions.get(task.id().nodeId());
            Object config = definition == null ? Map.of() : setups.sealedConfig(flowId, definition);
            String document = NodeTaskDocuments.write(task, config);
            documents.put(task.id(), document);
            args.add(document);
            args.addAll(List.of(NodeTaskDocuments.stateFields(task)));
            args.add(task.id().display());
        }
        redis.execute(INSERT_CYCLE, keyList, args.toArray());
        tasks.forEach(task -> remember(task.id(), task, documents.get(task.id())));
        trim(flowId);
    }

    @Override
    public Optional<Cycle> find(FlowId flowId, CycleNumber number) {
        return readCycles(flowId, List.of(number)).stream().findFirst().map(StoredCycle::cycle);
    }

    @Override
    public List<Cycle> findByFlow(FlowId flowId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Set<String> newest = redis.opsForZSet().reverseRange(keys.cycles(flowId), 0, limit - 1L);
        if (newest == null || newest.isEmpty()) {
            return List.of();
        }
        List<CycleNumber> numbers = newest.stream().map(CycleNumber::parse).toList();
        return readCycles(flowId, numbers).stream().map(StoredCycle::cycle).toList();
    }

    @Override
    public List<CycleNumber> running(FlowId flowId) {
        // The members and the status of each, in one script (the hash key is built around the number).
        List<?> reply = redis.execute(RUNNING, List.of(keys.running(flowId)), keys.cycleKeyPrefix(flowId));
        if (reply == null || reply.isEmpty()) {
            return List.of();
        }
        SortedMap<CycleNumber, Boolean> candidates = new TreeMap<>();
        for (Object entry : reply) {
            List<?> pair = (List<?>) entry;
            candidates.put(CycleNumber.parse((String) pair.get(0)),
                    CycleStatus.RUNNING.wireName().equals(pair.size() > 1 ? pair.get(1) : null));
        }
        List<CycleNumber> running = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        candidates.forEach((number, isRunning) -> {
            if (isRunning) {
                running.add(number);
            } else {
                stale.add(number.toString());
            }
        });
        if (!stale.isEmpty()) {
            // A cycle whose data expired (or that finished without the set being updated) no longer runs.
            redis.opsForSet().remove(keys.running(flowId), stale.toArray());
        }
        return running;
    }

    @Override
    public <R> Optional<R> update(FlowId flowId, CycleNumber number, Function<Cycle, R> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<StoredCycle> loaded = readCycles(flowId, List.of(number)).stream().findFirst();
            if (loaded.isEmpty()) {
                return Optional.empty();
            }
            StoredCycle stored = loaded.get();
            Cycle working = stored.cycle();
            Map<String, String> before = encode(working, stored.taskOrder());
            Set<ComponentId> stopsBefore = Set.copyOf(working.componentStops().keySet());
            R result = change.apply(working);
            working.pullEvents();
            Map<String, String> after = encode(working, stored.taskOrder());
            if (after.equals(before)) {
                return Optional.ofNullable(result);
            }
            List<String> keyList = new ArrayList<>();
            keyList.add(keys.cycle(flowId, number));
            keyList.add(keys.running(flowId));
            for (ComponentId component : working.componentStops().keySet()) {
                if (!stopsBefore.contains(component)) {
                    keyList.add(keys.componentStop(flowId, number, component));
                }
            }
            List<String> args = new ArrayList<>();
            args.add(stored.revision());
            args.add(Long.toString(ExecutionKeys.STOP_TTL.toMillis()));
            args.add(Long.toString(number.value()));
            args.add(working.isRunning() ? "0" : "1");
            after.forEach((name, value) -> {
                args.add(name);
                args.add(value);
            });
            args.add(REVISION);
            args.add(Long.toString(Long.parseLong(stored.revision()) + 1));
            Long outcome = redis.execute(UPDATE_CYCLE, keyList, args.toArray());
            if (outcome != null && outcome == 1L) {
                return Optional.ofNullable(result);
            }
            if (outcome != null && outcome == -1L) {
                return Optional.empty();
            }
            Contention.backOff(attempt);
        }
        throw new IllegalStateException("cycle " + number + " of flow " + flowId + " changed concurrently "
                + MAX_ATTEMPTS + " times in a row; update abandoned");
    }

    @Override
    public int taskFinished(FlowId flowId, CycleNumber number, NodeId nodeId) {
        Counted done = counted.get();
        if (done != null) {
            counted.remove();
            if (done.task().equals(NodeTaskId.of(flowId, number, nodeId))) {
                return done.unfinished();
            }
        }
        Long unfinished = redis.execute(TASK_FINISHED, List.of(keys.nodes(flowId, number), keys.finished(flowId, number)),
                nodeId.value(), Long.toString(ExecutionKeys.CYCLE_TTL.toMillis()));
        return unfinished == null ? -1 : Math.toIntExact(unfinished);
    }

    /** Removes every cycle, task, inbox, setup and flag of the flow (both ports: they share the state). */
    @Override
    public void deleteFlow(FlowId flowId) {
        Set<String> found = new LinkedHashSet<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(keys.flowCyclesPattern(flowId))
                .count(1_000).build())) {
            cursor.forEachRemaining(found::add);
        }
        Set<Long> numbers = new TreeSet<>();
        String cyclePrefix = keys.keyspace().key("flow:" + flowId.value() + ":cycle:");
        for (String key : found) {
            if (key.startsWith(cyclePrefix)) {
                String rest = key.substring(cyclePrefix.length());
                int colon = rest.indexOf(':');
                String digits = colon < 0 ? rest : rest.substring(0, colon);
                if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 19) {
                    numbers.add(Long.parseLong(digits));
                }
            }
        }
        evict(flowId, numbers);
        if (!found.isEmpty()) {
            redis.unlink(found);
        }
    }

    // ------------------------------------------------------------------------------------ tasks

    @Override
    public Optional<NodeTask> find(NodeTaskId id) {
        String json = redis.opsForValue().get(keys.task(id));
        if (json == null) {
            return Optional.empty();
        }
        NodeTask task = NodeTaskDocuments.read(json).task();
        // Display ids of two different tasks can coincide (ids may contain '_'): check the parts.
        return task.id().equals(id) ? Optional.of(task) : Optional.empty();
    }

    @Override
    public Optional<NodeTask> findByDisplayId(String displayId) {
        String json = redis.opsForValue().get(keys.taskByDisplay(displayId));
        return json == null ? Optional.empty() : Optional.of(NodeTaskDocuments.read(json).task());
    }

    @Override
    public List<NodeTask> findByCycle(FlowId flowId, CycleNumber cycle) {
        List<NodeId> order = taskOrder(flowId, cycle);
        if (order.isEmpty()) {
            return List.of();
        }
        List<NodeTaskId> ids = order.stream().map(node -> NodeTaskId.of(flowId, cycle, node)).toList();
        List<String> documents = redis.opsForValue().multiGet(ids.stream().map(keys::task).toList());
        List<NodeTask> tasks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String json = documents == null ? null : documents.get(i);
            if (json != null) {
                NodeTask task = NodeTaskDocuments.read(json).task();
                if (task.id().equals(ids.get(i))) {
                    tasks.add(task);
                }
            }
        }
        return tasks;
    }

    @Override
    public <R> Optional<R> update(NodeTaskId id, Function<NodeTask, R> change) {
        counted.remove();
        String key = keys.task(id);
        String remembered = lastWritten.get(id);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            // The document this instance wrote last is tried first: the compare-and-set below
            // proves it is still the stored one, so the usual read is saved.
            boolean fromMemory = remembered != null;
            String json = fromMemory ? remembered : redis.opsForValue().get(key);
            remembered = null;
            if (json == null) {
                lastWritten.remove(id);
                return Optional.empty();
            }
            NodeTaskDocuments.Decoded decoded = NodeTaskDocuments.read(json);
            NodeTask working = decoded.task();
            if (!working.id().equals(id)) {
                if (fromMemory) {
                    continue;
                }
                return Optional.empty();
            }
            WorkerId workerBefore = working.worker();
            NodeTaskStatus statusBefore = working.status();
            R result = change.apply(working);
            working.pullEvents();
            String updated = NodeTaskDocuments.write(working, decoded.config());
            if (updated.equals(json)) {
                if (fromMemory) {
                    // Nothing to write proves nothing about the stored document: decide on it instead.
                    continue;
                }
                return Optional.ofNullable(result);
            }
            List<String> keyList = new ArrayList<>(List.of(key, keys.taskState(id)));
            WorkerId worker = working.worker();
            if (worker != null && !worker.equals(workerBefore)) {
                keyList.add(keys.workerTasks(worker));
            }
            String[] state = NodeTaskDocuments.stateFields(working);
            Long outcome;
            if (working.status() == NodeTaskStatus.COMPLETED && statusBefore != NodeTaskStatus.COMPLETED) {
                // Completing a task is followed by counting it finished: both in one script.
                keyList.add(2, keys.nodes(id.flowId(), id.cycle()));
                keyList.add(3, keys.finished(id.flowId(), id.cycle()));
                List<?> reply = redis.execute(COMPLETE_TASK, keyList, sha1(json), updated,
                        Long.toString(ExecutionKeys.TASK_TTL.toMillis()), state[0], state[1], state[2], id.display(),
                        id.nodeId().value(), Long.toString(ExecutionKeys.CYCLE_TTL.toMillis()));
                outcome = reply == null || reply.isEmpty() ? null : ((Number) reply.getFirst()).longValue();
                if (outcome != null && outcome == 1L) {
                    counted.set(new Counted(id, ((Number) reply.get(1)).intValue()));
                }
            } else {
                outcome = redis.execute(UPDATE_TASK, keyList, sha1(json), updated,
                        Long.toString(ExecutionKeys.TASK_TTL.toMillis()), state[0], state[1], state[2], id.display());
            }
            if (outcome != null && outcome == 1L) {
                remember(id, working, updated);
                return Optional.ofNullable(result);
            }
            lastWritten.remove(id);
            if (outcome != null && outcome == -1L) {
                return Optional.empty();
            }
            if (!fromMemory) {
                Contention.backOff(attempt);
            }
        }
        throw new IllegalStateException("node task " + id + " changed concurrently " + MAX_ATTEMPTS
                + " times in a row; update abandoned");
    }

    /**
     * Keeps the document just written for the task's next update, while the task may still
     * change; bounded, and only ever a first guess that the update's compare-and-set checks.
     */
    private void remember(NodeTaskId id, NodeTask task, String document) {
        if (task.status().isTerminal()) {
            lastWritten.remove(id);
            return;
        }
        if (lastWritten.size() >= MAX_REMEMBERED) {
            lastWritten.clear();
        }
        lastWritten.put(id, document);
    }

    // -------------------------------------------------------------------------------- retention

    /** Drops the oldest finished cycles beyond the retention window, with all their data; how many. */
    int trim(FlowId flowId) {
        Long count = redis.opsForZSet().zCard(keys.cycles(flowId));
        if (count == null || count <= retentionCycles) {
            return 0;
        }
        long excess = count - retentionCycles;
        Set<String> running = Objects.requireNonNullElse(redis.opsForSet().members(keys.running(flowId)), Set.of());
        Set<String> oldest = redis.opsForZSet().range(keys.cycles(flowId), 0, excess + running.size() - 1);
        if (oldest == null) {
            return 0;
        }
        List<Long> evicted = new ArrayList<>();
        for (String number : oldest) {
            if (evicted.size() == excess) {
                break;
            }
            if (!running.contains(number)) {
                evicted.add(Long.parseLong(number));
            }
        }
        evict(flowId, evicted);
        return evicted.size();
    }

    /** Deletes these cycles of the flow: cycle records, tasks, inboxes, setups and flags. */
    void evict(FlowId flowId, Collection<Long> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        List<CycleNumber> cycles = numbers.stream().map(CycleNumber::of).toList();
        List<Object> read = redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            for (CycleNumber n : cycles) {
                c.setCommands().sMembers(bytes(keys.nodes(flowId, n)));
                c.hashCommands().hGet(bytes(keys.cycle(flowId, n)), bytes(COMPONENT_STOPS));
            }
            return null;
        });
        List<String> doomed = new ArrayList<>();
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < cycles.size(); i++) {
            CycleNumber n = cycles.get(i);
            doomed.addAll(List.of(keys.cycle(flowId, n), keys.nodes(flowId, n), keys.finished(flowId, n),
                    keys.setup(flowId, n)));
            @SuppressWarnings("unchecked")
            Collection<String> nodes = (Collection<String>) read.get(2 * i);
            if (nodes != null) {
                for (String node : nodes) {
                    NodeTaskId task = NodeTaskId.of(flowId, n, NodeId.of(node));
                    doomed.addAll(List.of(keys.inbox(flowId, n, task.nodeId()), keys.task(task), keys.taskState(task),
                            keys.terminate(task)));
                    taskIds.add(task.display());
                }
            }
            if (read.get(2 * i + 1) instanceof String stops) {
                for (ComponentStop stop : decodeStops(stops)) {
                    doomed.add(keys.componentStop(flowId, n, stop.component()));
                }
            }
        }
        String[] members = numbers.stream().map(String::valueOf).toArray(String[]::new);
        redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            c.keyCommands().unlink(doomed.stream().map(RedisCycleStoreAdapter::bytes).toArray(byte[][]::new));
            if (!taskIds.isEmpty()) {
                c.setCommands().sRem(bytes(keys.taskList()), taskIds.stream().map(RedisCycleStoreAdapter::bytes)
                        .toArray(byte[][]::new));
            }
            byte[][] memberBytes = java.util.Arrays.stream(members).map(RedisCycleStoreAdapter::bytes).toArray(byte[][]::new);
            c.zSetCommands().zRem(bytes(keys.cycles(flowId)), memberBytes);
            c.setCommands().sRem(bytes(keys.running(flowId)), memberBytes);
            return null;
        });
    }

    int retentionCycles() {
        return retentionCycles;
    }

    // ----------------------------------------------------------------------------------- mapping

    private record Counted(NodeTaskId task, int unfinished) {
    }

    private record StoredCycle(Cycle cycle, List<NodeId> taskOrder, String revision) {
    }

    @SuppressWarnings("unchecked")
    private List<StoredCycle> readCycles(FlowId flowId, List<CycleNumber> numbers) {
        List<String> keyList = new ArrayList<>(numbers.size() * 2);
        for (CycleNumber n : numbers) {
            keyList.add(keys.cycle(flowId, n));
            keyList.add(keys.nodes(flowId, n));
        }
        List<Object> replies = redis.execute(READ_CYCLES, keyList);
        List<StoredCycle> cycles = new ArrayList<>();
        if (replies == null) {
            return cycles;
        }
        for (Object reply : replies) {
            List<Object> pair = (List<Object>) reply;
            List<String> flat = (List<String>) pair.get(0);
            List<String> members = (List<String>) pair.get(1);
            if (flat == null || flat.isEmpty() || members == null || members.isEmpty()) {
                continue;
            }
            Map<String, String> hash = new LinkedHashMap<>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                hash.put(flat.get(i), flat.get(i + 1));
            }
            cycles.add(decode(flowId, hash, members));
        }
        return cycles;
    }

    /** The cycle from its hash (flat field/value list) and node set as read together, or empty when gone. */
    static Optional<Cycle> cycleOf(FlowId flowId, @Nullable List<String> flat,
            @Nullable List<String> members) {
        if (flat == null || flat.isEmpty() || members == null || members.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> hash = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            hash.put(flat.get(i), flat.get(i + 1));
        }
        return Optional.of(decode(flowId, hash, members).cycle());
    }

    private static StoredCycle decode(FlowId flowId, Map<String, String> hash, Collection<String> members) {
        CycleNumber number = CycleNumber.parse(hash.get(CYCLE));
        String end = hash.getOrDefault(END_TIME, "");
        Cycle cycle = Cycle.rehydrate(flowId, number, CycleStatus.fromWireName(hash.get(STATUS)),
                Instant.parse(hash.get(START_TIME)), end.isEmpty() ? null : Instant.parse(end),
                members.stream().map(NodeId::of).toList(), decodeStops(hash.getOrDefault(COMPONENT_STOPS, "[]")),
                Boolean.parseBoolean(hash.getOrDefault(TERMINATION_REQUESTED, "false")));
        List<NodeId> order = StoredJson.readList(hash.getOrDefault(TASK_ORDER, "[]")).stream()
                .map(o -> NodeId.of((String) o)).toList();
        return new StoredCycle(cycle, order, hash.getOrDefault(REVISION, "0"));
    }

    private static Map<String, String> encode(Cycle cycle, List<NodeId> taskOrder) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(FLOW_ID, cycle.flowId().value());
        fields.put(CYCLE, Long.toString(cycle.number().value()));
        fields.put(STATUS, cycle.status().wireName());
        fields.put(START_TIME, cycle.startTime().toString());
        fields.put(END_TIME, cycle.endTime() == null ? "" : cycle.endTime().toString());
        fields.put(COMPONENT_STOPS, encodeStops(cycle.componentStops().values()));
        fields.put(TERMINATION_REQUESTED, Boolean.toString(cycle.terminationRequested()));
        fields.put(TASK_ORDER, StoredJson.write(taskOrder.stream().map(NodeId::value).toList()));
        return fields;
    }

    private static String encodeStops(Collection<ComponentStop> stops) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ComponentStop stop : stops) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("component_id", stop.component().value());
            entry.put("reason", stop.reason());
            entry.put("source_node", stop.sourceNode().value());
            entry.put("at", stop.at().toString());
            list.add(entry);
        }
        return StoredJson.write(list);
    }

    private static List<ComponentStop> decodeStops(String json) {
        List<ComponentStop> stops = new ArrayList<>();
        for (Object item : StoredJson.readList(json)) {
            Map<?, ?> entry = (Map<?, ?>) item;
            stops.add(new ComponentStop(ComponentId.of(((Number) entry.get("component_id")).intValue()),
                    (String) entry.get("reason"), NodeId.of((String) entry.get("source_node")),
                    Instant.parse((String) entry.get("at"))));
        }
        return stops;
    }

    /** The cycle's tasks in registration order; the sorted node set when the cycle record is gone. */
    private List<NodeId> taskOrder(FlowId flowId, CycleNumber cycle) {
        Object order = redis.opsForHash().get(keys.cycle(flowId, cycle), TASK_ORDER);
        if (order instanceof String json) {
            return StoredJson.readList(json).stream().map(o -> NodeId.of((String) o)).toList();
        }
        Set<String> members = redis.opsForSet().members(keys.nodes(flowId, cycle));
        return members == null ? List.of() : members.stream().sorted().map(NodeId::of).toList();
    }

    private static Map<NodeId, NodeDefinition> byId(FlowDefinition definition) {
        Map<NodeId, NodeDefinition> nodes = new LinkedHashMap<>();
        definition.nodes().forEach(node -> nodes.put(node.id(), node));
        return nodes;
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
