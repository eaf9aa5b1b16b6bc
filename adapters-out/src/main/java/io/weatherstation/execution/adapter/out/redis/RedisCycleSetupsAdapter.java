package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.ParameterSpec;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.flow.application.port.out.CycleLauncher;
import io.weatherstation.flow.domain.CronSyntax;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.flow.domain.NodeDefinition;
import io.weatherstation.flow.domain.WeatherSyntax;
import io.weatherstation.shared.adapter.out.redis.CommonScripts;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.SecretCipher;
import io.weatherstation.shared.adapter.out.redis.SecretParameters;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The definition each cycle runs on, in {@code flow:{flow_id}:cycle:{cycle}:setup} (7 d TTL):
 * {@code definition} (canonical Weather Syntax, secret parameters sealed),
 * {@code definition_version}, {@code definition_digest} (keyed digest of the plain document),
 * {@code trigger} and {@code scheduled_at}. Any instance can pick up any cycle from it.
 *
 * <p>Parsing a definition is costly and every signal needs it, so parsed definitions are cached by
 * flow, version and digest: the digest tells a re-registered flow (same id, version 1 again) from
 * the one cached before it was deleted.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisCycleSetupsAdapter implements CycleSetups {

    static final String DEFINITION = "definition";
    static final String VERSION = "definition_version";
    static final String DIGEST = "definition_digest";
    static final String TRIGGER = "trigger";
    static final String SCHEDULED_AT = "scheduled_at";
    /** The fields a setup is read by, in the order {@link #decode} expects; the definition comes from the cache. */
    static final List<Object> READ_FIELDS = List.of(VERSION, DIGEST, TRIGGER, SCHEDULED_AT);

    private static final int MAX_CACHED = 1_024;
    /** Stored definitions passed the limits when they were registered; they are not checked again. */
    private static final FlowLimits STORED = new FlowLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

    private final StringRedisTemplate redis;
    private final ExecutionKeys keys;
    private final SecretCipher cipher;
    private final SecretParameters secrets;
    private final NodeTypeCatalog catalog;
    private final CronSyntax cron;
    private final Map<CacheKey, FlowDefinition> parsed = new ConcurrentHashMap<>();
    /** The setup this thread remembered last: the cycle's insert, next on the same thread, needs it. */
    private final ThreadLocal<@Nullable Remembered> lastRemembered = new ThreadLocal<>();

    RedisCycleSetupsAdapter(StringRedisTemplate redis, RedisKeyspace keyspace, SecretCipher cipher, NodeTypeCatalog catalog,
            CronSyntax cron) {
        this.redis = redis;
        this.keys = new ExecutionKeys(keyspace);
        this.cipher = cipher;
        this.secrets = new SecretParameters(cipher, type -> catalog.find(type)
                .map(d -> d.parameters().stream().filter(ParameterSpec::secret).map(ParameterSpec::name)
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of()));
        this.catalog = catalog;
        this.cron = cron;
    }

    @Override
    public void remember(FlowId flowId, CycleNumber cycle, CycleSetup setup) {
        Map<String, @Nullable Object> document = WeatherSyntax.write(setup.definition());
        String digest = digest(flowId, setup.definitionVersion(), StoredJson.write(document));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(DEFINITION, StoredJson.write(secrets.seal(document, flowId.value())));
        fields.put(VERSION, Long.toString(setup.definitionVersion()));
        fields.put(DIGEST, digest);
        fields.put(TRIGGER, setup.trigger().name());
        fields.put(SCHEDULED_AT, setup.scheduledAt().toString());
        cache(new CacheKey(flowId, setup.definitionVersion(), digest), setup.definition());
        lastRemembered.remove();
        CommonScripts.hsetWithTtl(redis, keys.setup(flowId, cycle), fields, ExecutionKeys.CYCLE_TTL);
        lastRemembered.set(new Remembered(flowId, cycle, setup));
    }

    /**
     * The setup of the cycle about to be inserted: the one this thread has just remembered for it
     * (taken, so it serves one insert), else as {@link #find} reads it.
     */
    Optional<CycleSetup> forInsert(FlowId flowId, CycleNumber cycle) {
        Remembered last = lastRemembered.get();
        lastRemembered.remove();
        if (last != null && last.flowId().equals(flowId) && last.cycle().equals(cycle)) {
            return Optional.of(last.setup());
        }
        return find(flowId, cycle);
    }

    @Override
    public Optional<CycleSetup> find(FlowId flowId, CycleNumber cycle) {
        return decode(flowId, cycle, redis.opsForHash().multiGet(keys.setup(flowId, cycle), READ_FIELDS));
    }

    /**
     * The setup from the values of {@link #READ_FIELDS} read from its hash (by {@link #find} or a
     * combined read); the definition comes from the cache of parsed definitions, or is read.
     */
    Optional<CycleSetup> decode(FlowId flowId, CycleNumber cycle, List<?> values) {
        if (values.size() < READ_FIELDS.size() || values.get(0) == null || values.get(1) == null
                || values.get(2) == null || values.get(3) == null) {
            return Optional.empty();
        }
        long version = Long.parseLong((String) values.get(0));
        CacheKey cacheKey = new CacheKey(flowId, version, (String) values.get(1));
        FlowDefinition definition = parsed.get(cacheKey);
        if (definition == null) {
            Object stored = redis.opsForHash().get(keys.setup(flowId, cycle), DEFINITION);
            if (stored == null) {
                return Optional.empty();
            }
            Map<String, @Nullable Object> document = secrets.open(StoredJson.readDocument((String) stored), flowId.value());
            definition = WeatherSyntax.read(document, catalog, cron, STORED);
            cache(cacheKey, definition);
        }
        return Optional.of(new CycleSetup(definition, version, CycleLauncher.Trigger.valueOf((String) values.get(2)),
                Instant.parse((String) values.get(3))));
    }

    @Override
    public void forget(FlowId flowId, CycleNumber cycle) {
        redis.delete(keys.setup(flowId, cycle));
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        String pattern = keys.keyspace().key("flow:" + flowId.value() + ":cycle:*:setup");
        List<String> found = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(pattern).count(1_000).build())) {
            cursor.forEachRemaining(found::add);
        }
        if (!found.isEmpty()) {
            redis.unlink(found);
        }
        parsed.keySet().removeIf(k -> k.flowId().equals(flowId));
    }

    /** A node's resolved parameters, secrets sealed, for the task document. */
    Map<String, @Nullable Object> sealedConfig(FlowId flowId, NodeDefinition node) {
        return secrets.sealConfig(flowId.value(), node.id().value(), node.type(), node.config());
    }

    private String digest(FlowId flowId, long version, String plainDocument) {
        return cipher.digest(flowId.value() + "\n" + version + "\n" + plainDocument);
    }

    private void cache(CacheKey key, FlowDefinition definition) {
        if (parsed.size() >= MAX_CACHED) {
            parsed.clear();
        }
        parsed.put(key, definition);
    }

    private record Remembered(FlowId flowId, CycleNumber cycle, CycleSetup setup) {
    }

    private record CacheKey(FlowId flowId, long version, String digest) {
    }
}
