package io.weatherstation.execution.adapter.out.redis;

import static io.weatherstation.execution.adapter.out.ExecutionFixtures.T0;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.taskId;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.A;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.B;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.C;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.IN;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.ITEMS;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.WIRING;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.adapter.out.ExecutionFixtures.MutableClock;
import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.domain.ReadinessVerdict;
import io.weatherstation.execution.domain.ReadinessVerdict.Outcome;
import io.weatherstation.execution.domain.SkipReason;
import io.weatherstation.shared.adapter.out.redis.RedisTestSupport;
import io.weatherstation.shared.adapter.out.redis.SecretCipher;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.testing.FixtureCronSyntax;
import io.weatherstation.testing.FixtureNodeTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Several station instances (each with its own Redis connection) on one state: readiness decided
 * once under concurrent delivery, task updates never lost, and a termination reaching the task on
 * whichever instance runs it.
 */
class RedisBetweenInstancesTest {

    private static final int INSTANCES = 4;

    private final RedisTestSupport redis = RedisTestSupport.open();
    private final List<LettuceConnectionFactory> factories = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    @BeforeEach
    void connect() {
        for (int i = 0; i < INSTANCES; i++) {
            factories.add(RedisTestSupport.newFactory());
        }
    }

    @AfterEach
    void disconnect() {
        pool.shutdownNow();
        factories.forEach(LettuceConnectionFactory::destroy);
        redis.close();
    }

    private List<RedisTaskInboxAdapter> inboxes() {
        return factories.stream().map(f -> new RedisTaskInboxAdapter(redis.templateOn(f), redis.keyspace())).toList();
    }

    private <T> List<T> runAtOnce(List<Callable<T>> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : work) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void the_last_signals_delivered_at_once_make_exactly_one_caller_ready() throws Exception {
        List<RedisTaskInboxAdapter> inboxes = inboxes();
        for (int round = 0; round < 25; round++) {
            NodeTaskId task = taskId("alpha", round, "target");
            inboxes.getFirst().deliver(task, WIRING, A, IN, signal(1));
            List<Callable<ReadinessVerdict>> work = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                RedisTaskInboxAdapter inbox = inboxes.get(t % INSTANCES);
                boolean b = t % 2 == 0;
                work.add(() -> inbox.deliver(task, WIRING, b ? B : C, ITEMS, signal(b ? "b" : "c")));
            }

            List<ReadinessVerdict> verdicts = runAtOnce(work);

            assertThat(verdicts).filteredOn(v -> v.outcome() == Outcome.READY).as("round " + round).hasSize(1)
                    .first().satisfies(v -> assertThat(v.inputs()).isEqualTo(Map.of("in", Map.of("v", 1),
                            "items", Map.of("b.out", Map.of("v", "b"), "c.out", Map.of("v", "c")))));
            assertThat(verdicts).extracting(ReadinessVerdict::outcome)
                    .containsOnly(Outcome.READY, Outcome.WAITING, Outcome.ALREADY_TRIGGERED);
        }
    }

    @Test
    void signals_and_skips_racing_on_the_last_edges_decide_once() throws Exception {
        List<RedisTaskInboxAdapter> inboxes = inboxes();
        for (int round = 0; round < 25; round++) {
            NodeTaskId task = taskId("alpha", round, "target");
            inboxes.getFirst().deliver(task, WIRING, A, IN, signal(1));
            List<Callable<ReadinessVerdict>> work = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                RedisTaskInboxAdapter inbox = inboxes.get(t % INSTANCES);
                int kind = t % 4;
                work.add(() -> switch (kind) {
                    case 0 -> inbox.skip(task, WIRING, B, SkipReason.UPSTREAM_SKIPPED);
                    case 1 -> inbox.skip(task, WIRING, C, SkipReason.UPSTREAM_FAILED);
                    case 2 -> inbox.deliver(task, WIRING, B, ITEMS, signal("b"));
                    default -> inbox.deliver(task, WIRING, C, ITEMS, signal("c"));
                });
            }

            List<ReadinessVerdict> verdicts = runAtOnce(work);

            assertThat(verdicts).filteredOn(ReadinessVerdict::isDecision).as("round " + round).hasSize(1);
        }
    }

    @Test
    void concurrent_task_changes_on_several_instances_are_all_kept() throws Exception {
        SecretCipher cipher = SecretCipher.withRandomKey();
        List<RedisCycleStoreAdapter> stores = factories.stream().map(f -> {
            var template = redis.templateOn(f);
            var setups = new RedisCycleSetupsAdapter(template, redis.keyspace(), cipher, FixtureNodeTypes.CATALOG,
                    FixtureCronSyntax.INSTANCE);
            return new RedisCycleStoreAdapter(template, redis.keyspace(), setups, 100);
        }).toList();
        stores.getFirst().insert(io.weatherstation.execution.adapter.out.ExecutionFixtures.cycle("alpha", 0),
                io.weatherstation.execution.adapter.out.ExecutionFixtures.tasks("alpha", 0));
        NodeTaskId id = taskId("alpha", 0, "src");
        stores.getFirst().update(id, t -> {
            t.markReady(T0);
            t.start(WorkerId.of("w"), T0);
            return null;
        });
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            RedisCycleStoreAdapter store = stores.get(t % INSTANCES);
            int percent = t + 1;
            work.add(() -> store.update(id, task -> {
                task.reportProgress(Math.max(task.progress(), percent), T0.plusSeconds(percent));
                return true;
            }).orElse(false));
        }
        // Only one of several instances may finish a task: the others see it finished.
        List<Callable<Boolean>> finishers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            RedisCycleStoreAdapter store = stores.get(t % INSTANCES);
            finishers.add(() -> store.update(id, task -> {
                if (task.isFinished()) {
                    return false;
                }
                task.fail("timeout", T0.plusSeconds(100));
                return true;
            }).orElse(false));
        }

        assertThat(runAtOnce(work)).containsOnly(true);
        NodeTask afterProgress = stores.getFirst().find(id).orElseThrow();
        assertThat(afterProgress.progress()).isEqualTo(32);
        assertThat(runAtOnce(finishers)).containsOnlyOnce(true);
        assertThat(stores.getLast().find(id).orElseThrow().status()).isEqualTo(NodeTaskStatus.FAILED);
    }

    @Test
    void a_task_changed_by_another_instance_is_updated_from_its_stored_document() {
        SecretCipher cipher = SecretCipher.withRandomKey();
        List<RedisCycleStoreAdapter> stores = factories.stream().limit(2).map(f -> {
            var template = redis.templateOn(f);
            var setups = new RedisCycleSetupsAdapter(template, redis.keyspace(), cipher, FixtureNodeTypes.CATALOG,
                    FixtureCronSyntax.INSTANCE);
            return new RedisCycleStoreAdapter(template, redis.keyspace(), setups, 100);
        }).toList();
        RedisCycleStoreAdapter here = stores.get(0);
        RedisCycleStoreAdapter there = stores.get(1);
        here.insert(io.weatherstation.execution.adapter.out.ExecutionFixtures.cycle("alpha", 0),
                io.weatherstation.execution.adapter.out.ExecutionFixtures.tasks("alpha", 0));
        NodeTaskId id = taskId("alpha", 0, "src");
        assertThat(there.update(id, t -> {
            t.markReady(T0);
            return true;
        })).contains(true);

        // What "here" wrote last (registered) is stale: a change that is possible only on it fails...
        assertThat(here.update(id, t -> {
            if (t.status() != NodeTaskStatus.REGISTERED) {
                return false;
            }
            t.markReady(T0.plusSeconds(1));
            return true;
        })).contains(false);
        // ...and one that is possible only on the stored document is made on it.
        assertThat(here.update(id, t -> {
            if (t.status() != NodeTaskStatus.PENDING) {
                return false;
            }
            t.start(WorkerId.of("w"), T0.plusSeconds(2));
            return true;
        })).contains(true);
        assertThat(there.find(id).orElseThrow().status()).isEqualTo(NodeTaskStatus.RUNNING);
        assertThat(there.update(id, t -> t.status())).contains(NodeTaskStatus.RUNNING);
    }

    @Test
    void a_termination_request_interrupts_the_task_on_the_instance_that_runs_it() throws Exception {
        RunningTasks here = new RunningTasks(Duration.ofMillis(50));
        RunningTasks there = new RunningTasks(Duration.ofMillis(50));
        RedisListenerConfiguration configuration = new RedisListenerConfiguration();
        RedisMessageListenerContainer hereListener = configuration.terminationListenerContainer(factories.get(0),
                redis.keyspace(), here);
        RedisMessageListenerContainer thereListener = configuration.terminationListenerContainer(factories.get(1),
                redis.keyspace(), there);
        List<RedisMessageListenerContainer> containers = List.of(hereListener, thereListener);
        NodeTaskId task = taskId("alpha", 0, "slow");
        AtomicReference<String> interruption = new AtomicReference<>();
        CountDownLatch entered = new CountDownLatch(1);
        try {
            for (RedisMessageListenerContainer container : containers) {
                container.afterPropertiesSet();
                container.start();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> hereListener.isListening() && thereListener.isListening());
            Thread worker = Thread.ofPlatform().start(() -> {
                try (RunningTasks.Handle handle = there.enter(task, io.weatherstation.shared.domain.ComponentId.of(0), Duration.ofMinutes(5))) {
                    entered.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interruption.set(handle.interruption());
                    }
                }
            });
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            new RedisTerminationFlagsAdapter(redis.templateOn(factories.get(2)), redis.keyspace(), new MutableClock(T0))
                    .request(task, "user requested stop");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(interruption.get()).isEqualTo("user requested stop"));
            worker.join(10_000);
            assertThat(here.count()).isZero();
        } finally {
            for (RedisMessageListenerContainer container : containers) {
                container.destroy();
            }
            here.close();
            there.close();
        }
    }
}
