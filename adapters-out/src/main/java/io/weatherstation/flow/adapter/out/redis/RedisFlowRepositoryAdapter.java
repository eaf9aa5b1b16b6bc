package io.weatherstation.flow.adapter.out.redis;

import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.ParameterSpec;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.flow.domain.FlowStructure;
import io.weatherstation.shared.adapter.out.redis.Contention;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.SecretCipher;
import io.weatherstation.shared.adapter.out.redis.SecretParameters;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Flows in the {@code flow:{flow_id}} hash (SPEC §8): {@code id}, {@code config} (the definition
 * document, secret parameters sealed), {@code structure}, {@code status}, {@code last_cycle} (empty
 * before the first cycle), {@code next_execution} (decimal epoch seconds, empty when none),
 * {@code created_at}, {@code updated_at}, {@code definition_version} and {@code revision}.
 *
 * <p>Updates are optimistic: load, apply the change to the aggregate, and store with a script
 * that checks {@code revision} is still the one loaded; on a conflict the change is applied again
 * to the fresh state. So two instances claiming the next cycle of one flow never get the same
 * number. A sorted set {@code flows} (score: creation time) lists the flows for
 * {@link #findAll}; it is written in the same scripts as the hashes, so the two always agree.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisFlowRepositoryAdapter implements FlowRepository {

    static final String ID = "id";
    static final String CONFIG = "config";
    static final String STRUCTURE = "structure";
    static final String STATUS = "status";
    static final String LAST_CYCLE = "last_cycle";
    static final String NEXT_EXECUTION = "next_execution";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String DEFINITION_VERSION = "definition_version";
    static final String REVISION = "revision";

    private static final int MAX_ATTEMPTS = 1_000;

    /** KEYS: flow hash, index. ARGV: id, score, field/value pairs. */
    private static final RedisScript<Long> INSERT = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV, 3))
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            return 1
            """, Long.class);

    /** KEYS: flow hash. ARGV: expected revision, field/value pairs. 1 stored, 0 conflict, -1 gone. */
    private static final RedisScript<Long> UPDATE = new DefaultRedisScript<>("""
            local revision = redis.call('HGET', KEYS[1], 'revision')
            if not revision then return -1 end
            if revision ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            return 1
            """, Long.class);

    /** KEYS: flow hash, index. ARGV: id. */
    private static final RedisScript<Long> DELETE = new DefaultRedisScript<>("""
            local removed = redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return removed
            """, Long.class);

    private static final int MAX_CACHED_DOCUMENTS = 4_096;

    private final StringRedisTemplate redis;
    private final RedisKeyspace keys;
    private final SecretParameters secrets;
    /** Opened definition documents by flow, with the stored text they came from: spares parsing and decrypting. */
    private final Map<FlowId, OpenedDocument> opened = new java.util.concurrent.ConcurrentHashMap<>();

    RedisFlowRepositoryAdapter(StringRedisTemplate redis, RedisKeyspace keys, SecretCipher cipher, NodeTypeCatalog catalog) {
        this.redis = redis;
        this.keys = keys;
        this.secrets = new SecretParameters(cipher, secretsOf(catalog));
    }

    /** The names of each node type's secret parameters, looked up in the catalog. */
    static Function<String, Set<String>> secretsOf(NodeTypeCatalog catalog) {
        return type -> catalog.find(type)
                .map(descriptor -> descriptor.parameters().stream().filter(ParameterSpec::secret)
                        .map(ParameterSpec::name).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    String flowKey(FlowId id) {
        return keys.key("flow:" + id.value());
    }

    String indexKey() {
        return keys.key("flows");
    }

    @Override
    public Optional<Flow> find(FlowId id) {
        return read(id).map(Stored::flow);
    }

    @Override
    public List<Flow> findAll() {
        Set<String> ids = redis.opsForZSet().range(indexKey(), 0, -1);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> ordered = new ArrayList<>(ids);
        List<Object> hashes = redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            for (String id : ordered) {
                connection.hashCommands().hGetAll(flowKey(FlowId.of(id)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return null;
        });
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, String> hash = (Map<String, String>) hashes.get(i);
            if (hash != null && !hash.isEmpty()) {
                flows.add(decode(FlowId.of(ordered.get(i)), hash).flow());
            }
        }
        flows.sort(Comparator.comparing(Flow::createdAt).thenComparing(f -> f.id().value()));
        return flows;
    }

    @Override
    public boolean insert(Flow flow) {
        Map<String, String> fields = encode(flow, true);
        fields.put(REVISION, "1");
        List<String> args = new ArrayList<>();
        args.add(flow.id().value());
        args.add(Long.toString(flow.createdAt().toEpochMilli()));
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        Long inserted = redis.execute(INSERT, List.of(flowKey(flow.id()), indexKey()), args.toArray());
        return inserted != null && inserted == 1L;
    }

    @Override
    public <R> Optional<R> update(FlowId id, Function<Flow, R> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Stored> loaded = read(id);
            if (loaded.isEmpty()) {
                return Optional.empty();
            }
            Stored stored = loaded.get();
            Flow working = stored.flow();
            Map<String, String> before = encode(working, false);
            R result = change.apply(working);
            Map<String, String> after = encode(working, working.definitionVersion() != stored.definitionVersion());
            if (after.equals(before)) {
                return Optional.ofNullable(result);
            }
            List<String> args = new ArrayList<>();
            args.add(stored.revision());
            after.forEach((name, value) -> {
                args.add(name);
                args.add(value);
            });
            args.add(REVISION);
            args.add(Long.toString(Long.parseLong(stored.revision()) + 1));
            Long outcome = redis.execute(UPDATE, List.of(flowKey(id)), args.toArray());
            if (outcome != null && outcome == 1L) {
                return Optional.ofNullable(result);
            }
            if (outcome != null && outcome == -1L) {
                return Optional.empty();
            }
            Contention.backOff(attempt);
        }
        throw new IllegalStateException("flow " + id + " changed concurrently " + MAX_ATTEMPTS + " times in a row; update abandoned");
    }

    @Override
    public boolean delete(FlowId id) {
        opened.remove(id);
        Long removed = redis.execute(DELETE, List.of(flowKey(id), indexKey()), id.value());
        return removed != null && removed > 0;
    }

    // ----------------------------------------------------------------------------------- mapping

    private record Stored(Flow flow, long definitionVersion, String revision) {
    }

    private record OpenedDocument(String stored, Map<String, Object> document) {
    }

    private Map<String, Object> openDocument(FlowId id, String stored) {
        OpenedDocument cached = opened.get(id);
        if (cached != null && cached.stored().equals(stored)) {
            return cached.document();
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, Object> document = (Map) secrets.open(StoredJson.readDocument(stored), id.value());
        if (opened.size() >= MAX_CACHED_DOCUMENTS) {
            opened.clear();
        }
        opened.put(id, new OpenedDocument(stored, document));
        return document;
    }

    private Optional<Stored> read(FlowId id) {
        Map<Object, Object> raw = redis.opsForHash().entries(flowKey(id));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> hash = new LinkedHashMap<>();
        raw.forEach((k, v) -> hash.put((String) k, (String) v));
        return Optional.of(decode(id, hash));
    }

    private Stored decode(FlowId id, Map<String, String> hash) {
        Map<String, Object> definition = openDocument(id, require(hash, CONFIG, id));
        @SuppressWarnings({"unchecked", "rawtypes"})
        FlowStructure structure = FlowStructure.fromDocument((Map) StoredJson.readPayload(require(hash, STRUCTURE, id)));
        long version = Long.parseLong(require(hash, DEFINITION_VERSION, id));
        String lastCycle = hash.getOrDefault(LAST_CYCLE, "");
        String next = hash.getOrDefault(NEXT_EXECUTION, "");
        Instant createdAt = Instant.parse(require(hash, CREATED_AT, id));
        String updated = hash.getOrDefault(UPDATED_AT, "");
        Flow flow = Flow.rehydrate(id, FlowStatus.fromCode(require(hash, STATUS, id)), definition, structure, version,
                lastCycle.isEmpty() ? null : CycleNumber.parse(lastCycle),
                next.isEmpty() ? null : StoredJson.fromEpochSeconds(next),
                createdAt, updated.isEmpty() ? createdAt : Instant.parse(updated));
        return new Stored(flow, version, hash.getOrDefault(REVISION, "0"));
    }

    private static String require(Map<String, String> hash, String field, FlowId id) {
        String value = hash.get(field);
        if (value == null) {
            throw new IllegalStateException("flow:" + id + " has no '" + field + "' field");
        }
        return value;
    }

    /** The hash fields of a flow; {@code config} and {@code structure} only when {@code withDefinition}. */
    private Map<String, String> encode(Flow flow, boolean withDefinition) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ID, flow.id().value());
        if (withDefinition) {
            fields.put(CONFIG, StoredJson.write(secrets.seal(flow.definitionJson(), flow.id().value())));
            fields.put(STRUCTURE, StoredJson.write(flow.structure().toDocument()));
        }
        fields.put(STATUS, flow.status().code());
        fields.put(LAST_CYCLE, flow.lastCycle().map(CycleNumber::toString).orElse(""));
        fields.put(NEXT_EXECUTION, flow.nextExecution().map(StoredJson::epochSeconds).orElse(""));
        fields.put(CREATED_AT, flow.createdAt().toString());
        fields.put(UPDATED_AT, flow.updatedAt().toString());
        fields.put(DEFINITION_VERSION, Long.toString(flow.definitionVersion()));
        return fields;
    }
}
