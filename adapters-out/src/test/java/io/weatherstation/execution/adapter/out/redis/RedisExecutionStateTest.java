package io.weatherstation.execution.adapter.out.redis;

import static io.weatherstation.execution.adapter.out.ExecutionFixtures.T0;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.cycle;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.definition;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.taskId;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.tasks;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.A;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.IN;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.TASK;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.WIRING;
import static io.weatherstation.execution.adapter.out.TaskInboxContract.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.adapter.out.ExecutionFixtures.MutableClock;
import io.weatherstation.execution.application.port.out.CycleSetups.CycleSetup;
import io.weatherstation.flow.adapter.out.FlowFixtures;
import io.weatherstation.flow.application.port.out.CycleLauncher.Trigger;
import io.weatherstation.shared.adapter.out.redis.RedisTestSupport;
import io.weatherstation.shared.adapter.out.redis.SecretCipher;
import io.weatherstation.shared.adapter.out.redis.SecretParameters;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.testing.FixtureCronSyntax;
import io.weatherstation.testing.FixtureNodeTypes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DataType;

/**
 * The stored form of the execution state (SPEC §8): key names, types and TTLs read back from
 * Redis, the documents' fields, secrets never in clear, and the clean-up.
 */
class RedisExecutionStateTest {

    private static final FlowId FLOW = FlowId.of("alpha");
    private static final CycleNumber ZERO = CycleNumber.of(0);

    private final RedisTestSupport redis = RedisTestSupport.open();
    private final SecretCipher cipher = SecretCipher.withRandomKey();
    private RedisCycleSetupsAdapter setups;
    private RedisCycleStoreAdapter store;

    @BeforeEach
    void start_a_cycle() {
        setups = new RedisCycleSetupsAdapter(redis.template(), redis.keyspace(), cipher, FixtureNodeTypes.CATALOG,
                FixtureCronSyntax.INSTANCE);
        store = new RedisCycleStoreAdapter(redis.template(), redis.keyspace(), setups, 100);
        setups.remember(FLOW, ZERO, new CycleSetup(definition(), 1, Trigger.SCHEDULE, T0));
        store.insert(cycle("alpha", 0), tasks("alpha", 0));
    }

    @AfterEach
    void clean() {
        redis.close();
    }

    private String key(String name) {
        return redis.keyspace().key(name);
    }

    private long ttlSeconds(String name) {
        return redis.template().getExpire(key(name), TimeUnit.SECONDS);
    }

    private DataType type(String name) {
        return redis.template().type(key(name));
    }

    private static void assertTtl(long actual, Duration expected) {
        assertThat(actual).isBetween(expected.toSeconds() - 10, expected.toSeconds());
    }

    @Test
    void the_cycle_is_a_hash_and_its_nodes_a_set_both_for_seven_days() {
        assertThat(type("flow:alpha:cycle:0")).isEqualTo(DataType.HASH);
        assertTtl(ttlSeconds("flow:alpha:cycle:0"), Duration.ofDays(7));
        Map<Object, Object> hash = redis.template().opsForHash().entries(key("flow:alpha:cycle:0"));
        assertThat(hash).containsEntry("flow_id", "alpha").containsEntry("cycle", "0").containsEntry("status", "running")
                .containsEntry("start_time", T0.toString()).containsEntry("end_time", "");

        assertThat(type("flow:alpha:cycle:0:nodes")).isEqualTo(DataType.SET);
        assertTtl(ttlSeconds("flow:alpha:cycle:0:nodes"), Duration.ofDays(7));
        assertThat(redis.template().opsForSet().members(key("flow:alpha:cycle:0:nodes")))
                .containsExactlyInAnyOrder("src", "snk", "keep", "side");

        assertThat(type("flow:alpha:cycles")).isEqualTo(DataType.ZSET);
        assertTtl(ttlSeconds("flow:alpha:cycles"), Duration.ofDays(7));
        assertThat(type("flow:alpha:cycles:running")).isEqualTo(DataType.SET);
        assertTtl(ttlSeconds("flow:alpha:cycles:running"), Duration.ofDays(7));
        assertThat(type("flow:alpha:cycle:0:setup")).isEqualTo(DataType.HASH);
        assertTtl(ttlSeconds("flow:alpha:cycle:0:setup"), Duration.ofDays(7));
    }

    @Test
    void a_finished_cycle_has_its_end_time_and_finished_set() {
        store.taskFinished(FLOW, ZERO, NodeId.of("src"));

        assertThat(type("flow:alpha:cycle:0:finished")).isEqualTo(DataType.SET);
        assertTtl(ttlSeconds("flow:alpha:cycle:0:finished"), Duration.ofDays(7));
    }

    @Test
    void a_component_stop_sets_the_stop_flag_for_an_hour() {
        store.update(FLOW, ZERO, c -> c.stopComponent(ComponentId.of(1), "stop", NodeId.of("keep"), T0));

        String stop = "flow:alpha:cycle:0:component:1:stop";
        assertThat(type(stop)).isEqualTo(DataType.STRING);
        assertThat(redis.template().opsForValue().get(key(stop))).isEqualTo("1");
        assertTtl(ttlSeconds(stop), Duration.ofHours(1));
    }

    @Test
    void a_node_task_is_a_json_string_for_a_day_with_the_seed_fields() {
        String name = "node_tasks:alpha_0_src";
        assertThat(type(name)).isEqualTo(DataType.STRING);
        assertTtl(ttlSeconds(name), Duration.ofDays(1));
        Map<String, Object> document = StoredJson.readPayload(redis.template().opsForValue().get(key(name)));
        assertThat(document).containsKeys("node_task_id", "flow_id", "cycle", "node_id", "node_type", "worker_id",
                "status", "registered_at", "updated_at", "message", "progress", "config", "component_id", "attempts");
        assertThat(document).containsEntry("node_task_id", "alpha_0_src").containsEntry("flow_id", "alpha")
                .containsEntry("cycle", 0).containsEntry("node_id", "src").containsEntry("node_type", "source")
                .containsEntry("status", "registered").containsEntry("progress", 0);
        assertThat(String.valueOf(document.get("config"))).contains("symbol=BTCUSDT");

        assertThat(type("node_tasks_list")).isEqualTo(DataType.SET);
        assertThat(ttlSeconds("node_tasks_list")).isEqualTo(-1L);
        assertThat(redis.template().opsForSet().members(key("node_tasks_list")))
                .containsExactlyInAnyOrder("alpha_0_src", "alpha_0_snk", "alpha_0_keep", "alpha_0_side");
    }

    @Test
    void the_runtime_state_hash_follows_every_change_and_the_worker_lists_its_tasks() {
        var id = taskId("alpha", 0, "src");
        store.update(id, t -> {
            t.markReady(T0);
            t.start(WorkerId.of("worker-1"), T0.plusSeconds(1));
            return null;
        });

        String state = "trading_flow:node:alpha_0_src";
        assertThat(type(state)).isEqualTo(DataType.HASH);
        assertTtl(ttlSeconds(state), Duration.ofDays(1));
        assertThat(redis.template().opsForHash().entries(key(state))).containsEntry("status", "running")
                .containsEntry("updated_at", StoredJson.epochSeconds(T0.plusSeconds(1))).containsEntry("error_message", "");
        assertThat(type("worker_tasks:worker-1")).isEqualTo(DataType.SET);
        assertThat(ttlSeconds("worker_tasks:worker-1")).isEqualTo(-1L);
        assertThat(redis.template().opsForSet().members(key("worker_tasks:worker-1"))).containsExactly("alpha_0_src");

        store.update(id, t -> {
            t.fail("boom", T0.plusSeconds(2));
            return null;
        });
        assertThat(redis.template().opsForHash().entries(key(state))).containsEntry("status", "failed")
                .containsEntry("error_message", "boom");
    }

    @Test
    void a_termination_flag_is_a_json_string_for_an_hour() {
        new RedisTerminationFlagsAdapter(redis.template(), redis.keyspace(), new MutableClock(T0))
                .request(taskId("alpha", 0, "src"), "user requested stop");

        String flag = "trading_flow:node:alpha_0_src:terminate";
        assertThat(type(flag)).isEqualTo(DataType.STRING);
        assertTtl(ttlSeconds(flag), Duration.ofHours(1));
        assertThat(StoredJson.readPayload(redis.template().opsForValue().get(key(flag))))
                .isEqualTo(Map.of("reason", "user requested stop", "timestamp", T0.toString(), "flow_id", "alpha"));
    }

    @Test
    void deleting_a_flow_drops_its_termination_flags_but_not_those_of_a_flow_whose_id_extends_it() {
        RedisTerminationFlagsAdapter flags = new RedisTerminationFlagsAdapter(redis.template(), redis.keyspace(),
                new MutableClock(T0));
        flags.request(taskId("alpha", 0, "src"), "stop");
        flags.request(taskId("alpha_1", 0, "src"), "stop");

        flags.forgetFlow(io.weatherstation.shared.domain.FlowId.of("alpha"));

        assertThat(flags.requested(taskId("alpha", 0, "src"))).isEmpty();
        assertThat(flags.requested(taskId("alpha_1", 0, "src"))).contains("stop");
    }

    @Test
    void an_inbox_is_a_hash_that_expires() {
        new RedisTaskInboxAdapter(redis.template(), redis.keyspace()).deliver(TASK, WIRING, A, IN, signal(1));

        String inbox = "flow:alpha:cycle:0:inbox:target";
        assertThat(type(inbox)).isEqualTo(DataType.HASH);
        assertTtl(ttlSeconds(inbox), Duration.ofDays(7));
        assertThat(redis.template().opsForHash().keys(key(inbox))).containsExactly("in|a.out");
    }

    @Test
    void a_decision_made_with_the_arrival_is_stored_as_any_other() {
        var one = io.weatherstation.execution.domain.NodeInputWiring.of(
                io.weatherstation.execution.domain.InputHandleWiring.single(IN, A));
        new RedisTaskInboxAdapter(redis.template(), redis.keyspace()).deliver(TASK, one, A, IN, signal(1));

        String inbox = "flow:alpha:cycle:0:inbox:target";
        assertTtl(ttlSeconds(inbox), Duration.ofDays(7));
        assertThat(redis.template().opsForHash().entries(key(inbox))).containsOnlyKeys("in|a.out", "_decided")
                .containsEntry("_decided", "READY");
    }

    @Test
    void completing_a_task_counts_it_finished_in_the_same_script() {
        var id = taskId("alpha", 0, "src");
        startOnWorker(id);
        assertThat(redis.template().hasKey(key("flow:alpha:cycle:0:finished"))).isFalse();

        store.update(id, t -> {
            t.complete(T0.plusSeconds(1));
            return null;
        });

        assertThat(redis.template().opsForSet().members(key("flow:alpha:cycle:0:finished"))).containsExactly("src");
        assertTtl(ttlSeconds("flow:alpha:cycle:0:finished"), Duration.ofDays(7));
        // The count taken by the completing write, then the idempotent count: the same.
        assertThat(store.taskFinished(FLOW, ZERO, id.nodeId())).isEqualTo(3);
        assertThat(store.taskFinished(FLOW, ZERO, id.nodeId())).isEqualTo(3);
        // Another task's count is its own, never the one taken for this task.
        store.update(id, t -> null);
        assertThat(store.taskFinished(FLOW, ZERO, io.weatherstation.shared.domain.NodeId.of("snk"))).isEqualTo(2);
    }

    @Test
    void only_the_keys_the_spec_keeps_forever_have_no_ttl() {
        var id = taskId("alpha", 0, "src");
        startOnWorker(id);
        store.update(FLOW, ZERO, c -> c.stopComponent(ComponentId.of(0), "stop", NodeId.of("src"), T0));
        store.taskFinished(FLOW, ZERO, NodeId.of("src"));
        new RedisTaskInboxAdapter(redis.template(), redis.keyspace()).deliver(TASK, WIRING, A, IN, signal(1));
        new RedisTerminationFlagsAdapter(redis.template(), redis.keyspace(), new MutableClock(T0)).request(id, "stop");

        Set<String> forever = Set.of(key("node_tasks_list"), key("worker_tasks:worker-1"));
        for (String k : redis.keys()) {
            long ttl = redis.template().getExpire(k);
            if (forever.contains(k)) {
                assertThat(ttl).as(k).isEqualTo(-1L);
            } else {
                assertThat(ttl).as(k).isPositive();
            }
        }
    }

    @Test
    void no_secret_is_stored_in_clear_and_the_running_cycle_still_reads_it() {
        for (String k : redis.keys()) {
            String dump = switch (redis.template().type(k)) {
                case HASH -> redis.template().opsForHash().entries(k).toString();
                case STRING -> redis.template().opsForValue().get(k);
                case SET -> String.valueOf(redis.template().opsForSet().members(k));
                case ZSET -> String.valueOf(redis.template().opsForZSet().range(k, 0, -1));
                default -> "";
            };
            assertThat(dump).as(k).doesNotContain(FlowFixtures.SECRET).doesNotContain(FlowFixtures.EDITOR_SECRET);
        }
        assertThat(redis.template().opsForValue().get(key("node_tasks:alpha_0_keep"))).contains(SecretParameters.MARKER);
        assertThat(redis.template().opsForHash().get(key("flow:alpha:cycle:0:setup"), "definition").toString())
                .contains(SecretParameters.MARKER);

        RedisCycleSetupsAdapter freshInstance = new RedisCycleSetupsAdapter(redis.template(), redis.keyspace(), cipher,
                FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE);
        assertThat(freshInstance.find(FLOW, ZERO).orElseThrow().definition()).isEqualTo(definition());
    }

    @Test
    void the_clean_up_drops_what_ttls_cannot_reach() {
        var running = taskId("alpha", 0, "src");
        store.update(running, t -> {
            t.markReady(T0);
            t.start(WorkerId.of("worker-live"), T0);
            return null;
        });
        redis.template().opsForHash().put(key("workers:worker-live"), "id", "worker-live");
        redis.template().expire(key("workers:worker-live"), Duration.ofSeconds(60));
        redis.template().opsForSet().add(key("worker_tasks:worker-live"), "expired_0_x");
        redis.template().opsForSet().add(key("worker_tasks:worker-dead"), "alpha_0_snk");
        redis.template().opsForSet().add(key("node_tasks_list"), "expired_0_x", "expired_0_y");
        redis.template().opsForZSet().add(key("flows"), "alpha", 0);
        redis.template().opsForZSet().add(key("flow:alpha:cycles"), "42", 42);

        RedisCleanup.Report report = new RedisCleanup(redis.template(), redis.keyspace(), store).cleanUp();

        assertThat(report.expiredTaskIds()).isEqualTo(2);
        assertThat(report.deadWorkerTaskLists()).isEqualTo(1);
        assertThat(report.expiredWorkerTaskIds()).isEqualTo(1);
        assertThat(report.expiredCycleEntries()).isEqualTo(1);
        assertThat(report.orphanFlowEntries()).isEqualTo(1);
        assertThat(redis.template().opsForSet().members(key("node_tasks_list"))).hasSize(4);
        assertThat(redis.template().hasKey(key("worker_tasks:worker-dead"))).isFalse();
        assertThat(redis.template().opsForSet().members(key("worker_tasks:worker-live"))).containsExactly("alpha_0_src");
        assertThat(redis.template().opsForZSet().range(key("flow:alpha:cycles"), 0, -1)).containsExactly("0");

        assertThat(new RedisCleanup(redis.template(), redis.keyspace(), store).cleanUp())
                .isEqualTo(new RedisCleanup.Report(0, 0, 0, 0, 0, 0));
    }

    @Test
    void the_clean_up_trims_cycles_beyond_the_retention() {
        RedisCycleStoreAdapter small = new RedisCycleStoreAdapter(redis.template(), redis.keyspace(), setups, 100);
        for (long n = 1; n <= 4; n++) {
            small.insert(cycle("alpha", n), tasks("alpha", n));
            long number = n;
            small.update(FLOW, CycleNumber.of(n), c -> c.requestTermination(T0.plusSeconds(number)));
        }
        redis.template().opsForZSet().add(key("flows"), "alpha", 0);
        redis.template().opsForHash().put(key("flow:alpha"), "id", "alpha");
        RedisCycleStoreAdapter retainTwo = new RedisCycleStoreAdapter(redis.template(), redis.keyspace(), setups, 2);
        // Every cycle still runs: nothing may go.
        assertThat(new RedisCleanup(redis.template(), redis.keyspace(), retainTwo).cleanUp().trimmedCycles()).isZero();

        for (long n = 0; n <= 2; n++) {
            redis.template().opsForSet().remove(key("flow:alpha:cycles:running"), Long.toString(n));
        }
        assertThat(new RedisCleanup(redis.template(), redis.keyspace(), retainTwo).cleanUp().trimmedCycles()).isEqualTo(3);
        assertThat(redis.template().opsForZSet().range(key("flow:alpha:cycles"), 0, -1)).containsExactly("3", "4");
        assertThat(redis.template().hasKey(key("node_tasks:alpha_0_src"))).isFalse();
        assertThat(redis.template().hasKey(key("flow:alpha:cycle:1"))).isFalse();
    }

    @Test
    void deleting_a_flow_leaves_no_key_of_it() {
        new RedisTaskInboxAdapter(redis.template(), redis.keyspace()).deliver(TASK, WIRING, A, IN, signal(1));
        store.update(FLOW, ZERO, c -> c.stopComponent(ComponentId.of(0), "stop", NodeId.of("src"), T0));
        new RedisTerminationFlagsAdapter(redis.template(), redis.keyspace(), new MutableClock(T0))
                .request(taskId("alpha", 0, "src"), "stop");

        store.deleteFlow(FLOW);

        assertThat(redis.keys()).isEmpty();
    }

    private void startOnWorker(NodeTaskId id) {
        store.update(id, t -> {
            t.markReady(T0);
            t.start(WorkerId.of("worker-1"), T0);
            return null;
        });
    }
}
