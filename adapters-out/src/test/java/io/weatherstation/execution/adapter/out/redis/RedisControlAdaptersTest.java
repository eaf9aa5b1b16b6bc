package io.weatherstation.execution.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.adapter.out.ControlsContract;
import io.weatherstation.execution.application.port.out.ParkedTasks;
import io.weatherstation.execution.application.port.out.PartialRuns;
import io.weatherstation.execution.application.port.out.PauseRegistry;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.execution.domain.PartialRun;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.flow.domain.PartialRunMode;
import io.weatherstation.shared.adapter.out.redis.RedisTestSupport;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis pause, parked-task and partial-run adapters against the contract, plus their stored
 * form (ADR 0012): key names, types, TTLs, and state that another connection — another instance,
 * or this one after a restart — reads back.
 */
class RedisControlAdaptersTest extends ControlsContract {

    private final RedisTestSupport redis = RedisTestSupport.open();
    private final PauseRegistry pauses = new RedisPauseRegistryAdapter(redis.template(), redis.keyspace());
    private final ParkedTasks parked = new RedisParkedTasksAdapter(redis.template(), redis.keyspace());
    private final PartialRuns partialRuns = new RedisPartialRunsAdapter(redis.template(), redis.keyspace(), 3);

    @AfterEach
    void clean() {
        redis.close();
    }

    @Override
    protected PauseRegistry pauses() {
        return pauses;
    }

    @Override
    protected ParkedTasks parked() {
        return parked;
    }

    @Override
    protected PartialRuns partialRuns() {
        return partialRuns;
    }

    private String key(String name) {
        return redis.keyspace().key(name);
    }

    private Duration ttl(String name) {
        Long millis = redis.template().getExpire(key(name), TimeUnit.MILLISECONDS);
        return Duration.ofMillis(millis == null ? -2 : millis);
    }

    @Test
    void pauses_and_held_tasks_are_hashes_with_a_ttl_that_a_fresh_adapter_reads_back() {
        pauses.add(FLOW, nodePause("a"));
        NodeTaskId task = NodeTaskId.of(FLOW, CycleNumber.of(3), NodeId.of("buy"));
        parked.park(new TaskAssignment(task, "buy_node", ComponentId.of(0), Map.of("input", Map.of("v", 1L)), 1));

        assertThat(redis.template().type(key("flow:alpha:pauses")).code()).isEqualTo("hash");
        assertThat(redis.template().opsForHash().keys(key("flow:alpha:pauses"))).containsExactly("node:a");
        assertThat(ttl("flow:alpha:pauses")).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
        assertThat(redis.template().opsForHash().keys(key("flow:alpha:held_tasks"))).containsExactly("3:buy");
        assertThat(ttl("flow:alpha:held_tasks")).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));

        LettuceConnectionFactory another = RedisTestSupport.newFactory();
        try {
            var restarted = new RedisPauseRegistryAdapter(redis.templateOn(another), redis.keyspace());
            assertThat(restarted.state(FLOW).pause(nodePause("a").target())).contains(nodePause("a"));
            assertThat(new RedisParkedTasksAdapter(redis.templateOn(another), redis.keyspace()).take(task)).isPresent();
        } finally {
            another.destroy();
        }
    }

    @Test
    void partial_runs_keep_their_sequence_their_documents_and_a_bounded_index() {
        for (int i = 1; i <= 4; i++) {
            PartialRunId id = partialRuns.claimNext(FLOW);
            partialRuns.save(new PartialRun(FLOW, id, NodeId.of("b"), PartialRunMode.SINGLE, List.of(NodeId.of("b")),
                    List.of(), T0));
        }

        assertThat(redis.template().opsForValue().get(key("flow:alpha:partial_runs:last"))).isEqualTo("4");
        assertThat(ttl("flow:alpha:partial_runs:last")).isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
        assertThat(ttl("flow:alpha:partial_run:4")).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
        assertThat(redis.template().opsForValue().get(key("flow:alpha:partial_run:4")))
                .contains("\"trigger_node_id\":\"b\"").contains("\"mode\":\"single\"");
        // Retention 3: the oldest run went with its document.
        assertThat(redis.template().opsForZSet().range(key("flow:alpha:partial_runs"), 0, -1))
                .containsExactly("2", "3", "4");
        assertThat(redis.template().hasKey(key("flow:alpha:partial_run:1"))).isFalse();
        assertThat(partialRuns.findByFlow(FLOW, 10)).extracting(r -> r.id().value()).containsExactly(4L, 3L, 2L);
    }
}
