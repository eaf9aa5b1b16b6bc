package io.weatherstation.execution.adapter.out;

import static io.weatherstation.execution.adapter.out.ExecutionFixtures.T0;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.cycle;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.CycleNotFinishedException;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.IllegalNodeTaskTransitionException;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.WorkerId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every cycle store does ({@link CycleRepository} and {@link NodeTaskRepository} share their
 * state). Implementations are created with a retention of {@link #RETENTION} cycles per flow.
 */
public abstract class CycleStoreContract {

    public static final int RETENTION = 3;
    private static final FlowId FLOW = FlowId.of("alpha");

    protected abstract CycleRepository cycles();

    protected abstract NodeTaskRepository tasks();

    /** Called before a cycle is inserted, with the cycle about to start (stores may want its setup). */
    protected void beforeInsert(String flow, long number) {
    }

    private void start(String flow, long number) {
        beforeInsert(flow, number);
        cycles().insert(cycle(flow, number), ExecutionFixtures.tasks(flow, number));
    }

    private void finish(String flow, long number) {
        for (NodeTask task : tasks().findByCycle(FlowId.of(flow), CycleNumber.of(number))) {
            tasks().update(task.id(), t -> {
                t.skip("upstream_skipped", T0.plusSeconds(100));
                return null;
            });
        }
        Map<NodeId, NodeTaskStatus> statuses = new LinkedHashMap<>();
        tasks().findByCycle(FlowId.of(flow), CycleNumber.of(number)).forEach(t -> statuses.put(t.id().nodeId(), t.status()));
        cycles().update(FlowId.of(flow), CycleNumber.of(number), c -> c.finish(statuses, T0.plusSeconds(200)));
    }

    @Test
    void a_cycle_reads_back_as_inserted() {
        start("alpha", 0);

        Cycle found = cycles().find(FLOW, CycleNumber.of(0)).orElseThrow();
        Cycle expected = cycle("alpha", 0);
        assertThat(found.status()).isEqualTo(CycleStatus.RUNNING);
        assertThat(found.startTime()).isEqualTo(expected.startTime());
        assertThat(found.endTime()).isNull();
        assertThat(found.nodes()).isEqualTo(expected.nodes());
        assertThat(found.componentStops()).isEmpty();
        assertThat(found.terminationRequested()).isFalse();
        assertThat(cycles().find(FLOW, CycleNumber.of(1))).isEmpty();
    }

    @Test
    void cycles_are_listed_newest_first_and_running_ones_in_order() {
        start("alpha", 0);
        start("alpha", 1);
        start("alpha", 2);
        finish("alpha", 1);

        assertThat(cycles().findByFlow(FLOW, 2)).extracting(c -> c.number().value()).containsExactly(2L, 1L);
        assertThat(cycles().findByFlow(FLOW, 10)).extracting(c -> c.number().value()).containsExactly(2L, 1L, 0L);
        assertThat(cycles().running(FLOW)).containsExactly(CycleNumber.of(0), CycleNumber.of(2));
        assertThat(cycles().findByFlow(FlowId.of("other"), 10)).isEmpty();
        assertThat(cycles().running(FlowId.of("other"))).isEmpty();
    }

    @Test
    void cycle_changes_are_stored_and_return_their_result() {
        start("alpha", 0);

        boolean first = cycles().update(FLOW, CycleNumber.of(0), c -> c.requestTermination(T0)).orElseThrow();
        boolean stopped = cycles().update(FLOW, CycleNumber.of(0),
                c -> c.stopComponent(ComponentId.of(1), "condition not met", NodeId.of("keep"), T0.plusSeconds(3)))
                .orElseThrow();

        assertThat(first).isTrue();
        assertThat(stopped).isTrue();
        Cycle found = cycles().find(FLOW, CycleNumber.of(0)).orElseThrow();
        assertThat(found.terminationRequested()).isTrue();
        assertThat(found.componentStop(ComponentId.of(1))).hasValueSatisfying(stop -> {
            assertThat(stop.reason()).isEqualTo("condition not met");
            assertThat(stop.sourceNode()).isEqualTo(NodeId.of("keep"));
            assertThat(stop.at()).isEqualTo(T0.plusSeconds(3));
        });
        assertThat(cycles().update(FLOW, CycleNumber.of(9), Cycle::terminationRequested)).isEmpty();
    }

    @Test
    void a_finished_cycle_has_its_outcome_and_no_longer_runs() {
        start("alpha", 0);

        finish("alpha", 0);

        Cycle found = cycles().find(FLOW, CycleNumber.of(0)).orElseThrow();
        assertThat(found.status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(found.endTime()).isEqualTo(T0.plusSeconds(200));
        assertThat(cycles().running(FLOW)).isEmpty();
    }

    @Test
    void a_cycle_change_that_throws_stores_nothing() {
        start("alpha", 0);

        assertThatThrownBy(() -> cycles().update(FLOW, CycleNumber.of(0), c -> c.finish(Map.of(), T0)))
                .isInstanceOf(CycleNotFinishedException.class);

        assertThat(cycles().find(FLOW, CycleNumber.of(0)).orElseThrow().isRunning()).isTrue();
        assertThat(cycles().running(FLOW)).containsExactly(CycleNumber.of(0));
    }

    @Test
    void unfinished_tasks_are_counted_down_once_per_node() {
        start("alpha", 0);
        CycleNumber zero = CycleNumber.of(0);

        assertThat(cycles().taskFinished(FLOW, zero, NodeId.of("src"))).isEqualTo(3);
        assertThat(cycles().taskFinished(FLOW, zero, NodeId.of("src"))).isEqualTo(3);
        assertThat(cycles().taskFinished(FLOW, zero, NodeId.of("stranger"))).isEqualTo(3);
        assertThat(cycles().taskFinished(FLOW, zero, NodeId.of("snk"))).isEqualTo(2);
        assertThat(cycles().taskFinished(FLOW, zero, NodeId.of("keep"))).isEqualTo(1);
        assertThat(cycles().taskFinished(FLOW, zero, NodeId.of("side"))).isZero();
        assertThat(cycles().taskFinished(FLOW, CycleNumber.of(7), NodeId.of("src"))).isEqualTo(-1);
    }

    @Test
    void a_display_id_finds_its_task_when_the_ids_themselves_contain_underscores_and_digits() {
        String flow = "btc_4h_2";
        beforeInsert(flow, 3);
        Cycle cycle = Cycle.start(FlowId.of(flow), CycleNumber.of(3), List.of(NodeId.of("step_7_x")), T0);
        cycle.pullEvents();
        NodeTask task = NodeTask.register(taskId(flow, 3, "step_7_x"), "source", ComponentId.of(0), T0);
        task.pullEvents();
        cycles().insert(cycle, List.of(task));

        assertThat(tasks().findByDisplayId("btc_4h_2_3_step_7_x"))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(taskId(flow, 3, "step_7_x")));
        assertThat(tasks().findByDisplayId("btc_4h_2_3_step_7")).isEmpty();
        assertThat(tasks().findByDisplayId("btc_4h_2_4_step_7_x")).isEmpty();
        assertThat(tasks().findByDisplayId("btc_4h_2_3_")).isEmpty();
        assertThat(tasks().findByDisplayId("_3_step_7_x")).isEmpty();
        assertThat(tasks().findByDisplayId("btc_4h_2_99999999999999999999_step_7_x")).isEmpty();
    }

    @Test
    void tasks_are_found_by_id_display_id_and_cycle() {
        start("alpha", 0);

        NodeTask src = tasks().find(taskId("alpha", 0, "src")).orElseThrow();
        assertThat(src.nodeType()).isEqualTo("source");
        assertThat(src.component()).isEqualTo(ComponentId.of(0));
        assertThat(src.status()).isEqualTo(NodeTaskStatus.REGISTERED);
        assertThat(src.registeredAt()).isEqualTo(T0);
        assertThat(tasks().findByDisplayId("alpha_0_keep")).hasValueSatisfying(t -> assertThat(t.nodeType()).isEqualTo("params"));
        assertThat(tasks().findByCycle(FLOW, CycleNumber.of(0))).extracting(t -> t.id().nodeId().value())
                .containsExactly("src", "snk", "keep", "side");
        assertThat(tasks().find(taskId("alpha", 0, "ghost"))).isEmpty();
        assertThat(tasks().findByDisplayId("alpha_5_src")).isEmpty();
        assertThat(tasks().findByCycle(FLOW, CycleNumber.of(5))).isEmpty();
    }

    @Test
    void task_changes_are_stored() {
        start("alpha", 0);
        var id = taskId("alpha", 0, "src");

        tasks().update(id, t -> {
            t.markReady(T0.plusSeconds(1));
            return null;
        });
        boolean started = tasks().update(id, t -> {
            t.start(WorkerId.of("worker-1"), T0.plusSeconds(2));
            return true;
        }).orElseThrow();
        tasks().update(id, t -> {
            t.reportProgress(40, T0.plusSeconds(3));
            return null;
        });

        assertThat(started).isTrue();
        NodeTask found = tasks().find(id).orElseThrow();
        assertThat(found.status()).isEqualTo(NodeTaskStatus.RUNNING);
        assertThat(found.worker()).isEqualTo(WorkerId.of("worker-1"));
        assertThat(found.attempts()).isEqualTo(1);
        assertThat(found.progress()).isEqualTo(40);
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(3));

        tasks().update(id, t -> {
            t.fail("exchange unreachable", T0.plusSeconds(4));
            return null;
        });
        NodeTask failed = tasks().findByDisplayId("alpha_0_src").orElseThrow();
        assertThat(failed.status()).isEqualTo(NodeTaskStatus.FAILED);
        assertThat(failed.message()).isEqualTo("exchange unreachable");
    }

    @Test
    void a_task_change_that_throws_stores_nothing_and_an_unknown_task_is_not_changed() {
        start("alpha", 0);
        var id = taskId("alpha", 0, "src");

        assertThatThrownBy(() -> tasks().update(id, t -> {
            t.complete(T0); // registered → completed is illegal
            return null;
        })).isInstanceOf(IllegalNodeTaskTransitionException.class);

        assertThat(tasks().find(id).orElseThrow().status()).isEqualTo(NodeTaskStatus.REGISTERED);
        assertThat(tasks().update(taskId("alpha", 0, "ghost"), t -> true)).isEmpty();
        assertThat(tasks().update(taskId("alpha", 4, "src"), t -> true)).isEmpty();
    }

    @Test
    void readers_get_copies() {
        start("alpha", 0);

        tasks().find(taskId("alpha", 0, "src")).orElseThrow().markReady(T0);
        cycles().find(FLOW, CycleNumber.of(0)).orElseThrow().requestTermination(T0);

        assertThat(tasks().find(taskId("alpha", 0, "src")).orElseThrow().status()).isEqualTo(NodeTaskStatus.REGISTERED);
        assertThat(cycles().find(FLOW, CycleNumber.of(0)).orElseThrow().terminationRequested()).isFalse();
    }

    @Test
    void deleting_a_flow_removes_its_cycles_and_tasks_only() {
        start("alpha", 0);
        start("alpha", 1);
        start("bravo", 0);

        cycles().deleteFlow(FLOW);
        tasks().deleteFlow(FLOW);

        assertThat(cycles().find(FLOW, CycleNumber.of(0))).isEmpty();
        assertThat(cycles().findByFlow(FLOW, 10)).isEmpty();
        assertThat(cycles().running(FLOW)).isEmpty();
        assertThat(tasks().findByDisplayId("alpha_1_src")).isEmpty();
        assertThat(tasks().findByCycle(FLOW, CycleNumber.of(0))).isEmpty();
        assertThat(cycles().find(FlowId.of("bravo"), CycleNumber.of(0))).isPresent();
        assertThat(tasks().findByDisplayId("bravo_0_src")).isPresent();
    }

    @Test
    void finished_cycles_beyond_the_retention_are_dropped_with_their_tasks_running_ones_kept() {
        start("alpha", 0);
        finish("alpha", 0);
        start("alpha", 1); // stays running
        start("alpha", 2);
        finish("alpha", 2);
        start("alpha", 3); // 4 > 3: the oldest finished one (0) goes
        finish("alpha", 3);
        start("alpha", 4); // 1 runs, so 2 goes

        assertThat(cycles().findByFlow(FLOW, 10)).extracting(c -> c.number().value()).containsExactly(4L, 3L, 1L);
        assertThat(cycles().find(FLOW, CycleNumber.of(0))).isEmpty();
        assertThat(cycles().find(FLOW, CycleNumber.of(2))).isEmpty();
        assertThat(tasks().findByDisplayId("alpha_0_src")).isEmpty();
        assertThat(tasks().findByDisplayId("alpha_2_src")).isEmpty();
        assertThat(tasks().findByDisplayId("alpha_1_src")).isPresent();
        assertThat(cycles().running(FLOW)).containsExactly(CycleNumber.of(1), CycleNumber.of(4));
    }
}
