package io.weatherstation.flow.adapter.out.redis;

import static io.weatherstation.flow.adapter.out.FlowFixtures.EDITOR_SECRET;
import static io.weatherstation.flow.adapter.out.FlowFixtures.SECRET;
import static io.weatherstation.flow.adapter.out.FlowFixtures.T0;
import static io.weatherstation.flow.adapter.out.FlowFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.flow.adapter.out.FlowRepositoryContract;
import io.weatherstation.flow.adapter.out.TickClaimsContract;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.application.port.out.TickClaims;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.shared.adapter.out.redis.RedisTestSupport;
import io.weatherstation.shared.adapter.out.redis.SecretCipher;
import io.weatherstation.shared.adapter.out.redis.SecretParameters;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.testing.FixtureNodeTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis flow adapters: the shared contracts, the stored form of SPEC §8, and races between instances. */
class RedisFlowAdaptersTest {

    private final RedisTestSupport redis = RedisTestSupport.open();
    private final SecretCipher cipher = SecretCipher.withRandomKey();

    @AfterEach
    void clean() {
        redis.close();
    }

    private RedisFlowRepositoryAdapter repository(StringRedisTemplate template) {
        return new RedisFlowRepositoryAdapter(template, redis.keyspace(), cipher, FixtureNodeTypes.CATALOG);
    }

    @Nested
    class Repository extends FlowRepositoryContract {
        private final FlowRepository repository = RedisFlowAdaptersTest.this.repository(redis.template());

        @Override
        protected FlowRepository repository() {
            return repository;
        }
    }

    @Nested
    class Claims extends TickClaimsContract {
        private final TickClaims claims = new RedisTickClaimsAdapter(redis.template(), redis.keyspace());

        @Override
        protected TickClaims claims() {
            return claims;
        }
    }

    @Nested
    class Stored_form {

        @Test
        void a_flow_is_a_hash_without_ttl_with_the_seed_fields() {
            RedisFlowRepositoryAdapter repository = repository(redis.template());
            repository.insert(registered("alpha", T0));
            Instant next = Instant.parse("2021-09-30T18:00:00.5Z");
            repository.update(FlowId.of("alpha"), flow -> {
                flow.start(T0, next);
                return flow.claimNextCycle();
            });

            String key = redis.keyspace().key("flow:alpha");
            assertThat(redis.template().type(key)).isEqualTo(DataType.HASH);
            assertThat(redis.template().getExpire(key)).isEqualTo(-1L);
            Map<Object, Object> hash = redis.template().opsForHash().entries(key);
            assertThat(hash).containsKeys("id", "config", "structure", "status", "last_cycle", "next_execution",
                    "created_at", "updated_at", "definition_version");
            assertThat(hash.get("id")).isEqualTo("alpha");
            assertThat(hash.get("status")).isEqualTo("running");
            assertThat(hash.get("last_cycle")).isEqualTo("0");
            assertThat(hash.get("next_execution")).isEqualTo("1633024800.5");
            assertThat(hash.get("created_at")).isEqualTo("2026-03-01T10:00:00Z");
            assertThat(StoredJson.readDocument((String) hash.get("structure")))
                    .containsEntry("component_count", 3).containsKey("components");
            assertThat(redis.template().type(redis.keyspace().key("flows"))).isEqualTo(DataType.ZSET);
        }

        @Test
        void last_cycle_is_empty_before_the_first_cycle() {
            repository(redis.template()).insert(registered("alpha", T0));

            assertThat(redis.template().opsForHash().get(redis.keyspace().key("flow:alpha"), "last_cycle")).isEqualTo("");
        }

        @Test
        void secret_parameters_are_sealed_in_both_forms_and_opened_on_read() {
            RedisFlowRepositoryAdapter repository = repository(redis.template());
            repository.insert(registered("alpha", T0));

            String config = (String) redis.template().opsForHash().get(redis.keyspace().key("flow:alpha"), "config");
            assertThat(config).doesNotContain(SECRET).doesNotContain(EDITOR_SECRET).contains(SecretParameters.MARKER)
                    .contains("visible").contains("shown");
            assertNoSecretAnywhere();
            Map<String, Object> read = repository.find(FlowId.of("alpha")).orElseThrow().definitionJson();
            assertThat(StoredJson.write(read)).contains(SECRET).contains(EDITOR_SECRET);
        }

        @Test
        void another_key_cannot_open_the_secrets() {
            repository(redis.template()).insert(registered("alpha", T0));
            RedisFlowRepositoryAdapter otherKey = new RedisFlowRepositoryAdapter(redis.template(), redis.keyspace(),
                    SecretCipher.withRandomKey(), FixtureNodeTypes.CATALOG);

            assertThatThrownBy(() -> otherKey.find(FlowId.of("alpha")))
                    .isInstanceOf(SecretCipher.SecretUnreadableException.class)
                    .hasMessageContaining("station.secrets.key");
        }

        @Test
        void the_tick_key_holds_the_last_claimed_instant_and_expires() {
            new RedisTickClaimsAdapter(redis.template(), redis.keyspace()).claim(FlowId.of("alpha"), T0);

            String key = redis.keyspace().key("flow:alpha:tick");
            assertThat(redis.template().type(key)).isEqualTo(DataType.STRING);
            assertThat(redis.template().getExpire(key, TimeUnit.SECONDS)).isBetween(7 * 86_400L - 5, 7 * 86_400L);
        }

        @Test
        void every_key_carries_the_prefix() {
            repository(redis.template()).insert(registered("alpha", T0));
            new RedisTickClaimsAdapter(redis.template(), redis.keyspace()).claim(FlowId.of("alpha"), T0);

            assertThat(redis.keys()).hasSize(3).allMatch(k -> k.startsWith(redis.keyspace().prefix()));
        }

        private void assertNoSecretAnywhere() {
            for (String key : redis.keys()) {
                String dump = switch (redis.template().type(key)) {
                    case HASH -> redis.template().opsForHash().entries(key).toString();
                    case STRING -> redis.template().opsForValue().get(key);
                    case ZSET -> String.valueOf(redis.template().opsForZSet().range(key, 0, -1));
                    case SET -> String.valueOf(redis.template().opsForSet().members(key));
                    default -> "";
                };
                assertThat(dump).as(key).doesNotContain(SECRET).doesNotContain(EDITOR_SECRET);
            }
        }
    }

    @Nested
    class Between_instances {

        @Test
        void cycle_numbers_are_never_handed_out_twice() throws Exception {
            repository(redis.template()).insert(registered("alpha", T0));
            int instances = 4;
            int threadsPerInstance = 4;
            int claimsPerThread = 25;
            List<LettuceConnectionFactory> factories = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(instances * threadsPerInstance);
            try {
                List<Callable<List<Long>>> work = new ArrayList<>();
                CountDownLatch start = new CountDownLatch(1);
                for (int i = 0; i < instances; i++) {
                    LettuceConnectionFactory factory = RedisTestSupport.newFactory();
                    factories.add(factory);
                    RedisFlowRepositoryAdapter instance = repository(redis.templateOn(factory));
                    for (int t = 0; t < threadsPerInstance; t++) {
                        work.add(() -> {
                            start.await();
                            List<Long> mine = new ArrayList<>();
                            for (int c = 0; c < claimsPerThread; c++) {
                                mine.add(instance.update(FlowId.of("alpha"), Flow::claimNextCycle).orElseThrow().value());
                            }
                            return mine;
                        });
                    }
                }
                List<Future<List<Long>>> futures = new ArrayList<>();
                for (Callable<List<Long>> task : work) {
                    futures.add(pool.submit(task));
                }
                start.countDown();
                List<Long> all = Collections.synchronizedList(new ArrayList<>());
                for (Future<List<Long>> future : futures) {
                    all.addAll(future.get(60, TimeUnit.SECONDS));
                }
                int total = instances * threadsPerInstance * claimsPerThread;
                assertThat(all).hasSize(total).doesNotHaveDuplicates();
                assertThat(Set.copyOf(all)).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.range(0, total).boxed().toList());
                assertThat(repository(redis.template()).find(FlowId.of("alpha")).orElseThrow().lastCycle())
                        .contains(CycleNumber.of(total - 1));
            } finally {
                pool.shutdownNow();
                factories.forEach(LettuceConnectionFactory::destroy);
            }
        }

        @Test
        void exactly_one_instance_wins_each_tick() throws Exception {
            int claimers = 16;
            int ticks = 20;
            List<LettuceConnectionFactory> factories = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(claimers);
            try {
                Map<Instant, Integer> wins = new ConcurrentHashMap<>();
                List<RedisTickClaimsAdapter> instances = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    LettuceConnectionFactory factory = RedisTestSupport.newFactory();
                    factories.add(factory);
                    instances.add(new RedisTickClaimsAdapter(redis.templateOn(factory), redis.keyspace()));
                }
                for (int tick = 0; tick < ticks; tick++) {
                    Instant at = T0.plusSeconds(60L * tick);
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Boolean>> results = new ArrayList<>();
                    for (int c = 0; c < claimers; c++) {
                        RedisTickClaimsAdapter instance = instances.get(c % instances.size());
                        results.add(pool.submit(() -> {
                            start.await();
                            return instance.claim(FlowId.of("alpha"), at);
                        }));
                    }
                    start.countDown();
                    for (Future<Boolean> result : results) {
                        if (result.get(30, TimeUnit.SECONDS)) {
                            wins.merge(at, 1, Integer::sum);
                        }
                    }
                }
                assertThat(wins).hasSize(ticks).allSatisfy((at, count) -> assertThat(count).as(at.toString()).isEqualTo(1));
            } finally {
                pool.shutdownNow();
                factories.forEach(LettuceConnectionFactory::destroy);
            }
        }
    }
}
