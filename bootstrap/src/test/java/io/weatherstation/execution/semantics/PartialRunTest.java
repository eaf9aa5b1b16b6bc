package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.weatherstation.execution.application.PartialRunService;
import io.weatherstation.execution.application.port.in.InvalidPartialRunException;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.BoundaryHandle;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.Input;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.PreviewPartialRunCommand;
import io.weatherstation.execution.application.port.in.PartialRunUseCase.StartPartialRunCommand;
import io.weatherstation.execution.application.port.in.QueryPartialRunsUseCase.PartialRunDetails;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Executions;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.flow.domain.PartialRunMode;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC §10 partial runs and failure mode 10: a subgraph around a trigger node runs with its own
 * id, beside the flow's own cycles, and never touches the flow's definition, status,
 * {@code last_cycle} or schedule.
 */
class PartialRunTest extends EngineTestSupport {

    @Autowired PartialRunService partialRuns;

    /**
     * Component 0: a → pair.left, d → pair.right, pair → c. Component 1: e alone.
     * Topological order: a, d, e, pair, c.
     */
    private static String diamond(String schedule) {
        return """
                {%s,
                 "nodes": [{"id": "a", "type": "constant_node", "config": {"values": {"from": "a"}}},
                           {"id": "d", "type": "constant_node", "config": {"values": {"from": "d"}}},
                           {"id": "e", "type": "constant_node", "config": {"values": {"from": "e"}}},
                           {"id": "pair", "type": "pair_node"},
                           {"id": "c", "type": "probe_node"}],
                 "edges": [{"source": "a", "source_handle": "output", "target": "pair", "target_handle": "left"},
                           {"source": "d", "source_handle": "output", "target": "pair", "target_handle": "right"},
                           {"source": "pair", "source_handle": "output", "target": "c", "target_handle": "input"}]}
                """.formatted(schedule);
    }

    private List<String> preview(String flowId, String trigger, PartialRunMode mode) {
        return partialRuns.preview(new PreviewPartialRunCommand(FlowId.of(flowId), NodeId.of(trigger), mode)).nodes()
                .stream().map(NodeId::value).toList();
    }

    private PartialRunDetails start(String flowId, String trigger, PartialRunMode mode, Input... inputs) {
        return partialRuns.start(new StartPartialRunCommand(FlowId.of(flowId), NodeId.of(trigger), mode,
                List.of(inputs)));
    }

    private PartialRunDetails awaitRunEnd(String flowId, PartialRunId id) {
        eventually().until(() -> !partialRuns.partialRun(FlowId.of(flowId), id).orElseThrow().cycle().isRunning());
        return partialRuns.partialRun(FlowId.of(flowId), id).orElseThrow();
    }

    private static Input input(String node, String handle, Object value) {
        return new Input(NodeId.of(node), HandleName.of(handle), value);
    }

    private static Map<String, String> statuses(PartialRunDetails details) {
        Map<String, String> statuses = new LinkedHashMap<>();
        details.tasks().forEach(t -> statuses.put(t.id().nodeId().value(), t.status().wireName()));
        return statuses;
    }

    @Test
    void the_preview_lists_the_nodes_of_each_mode_in_topological_order() {
        register("partial-preview", diamond("\"interval\": 0"));

        assertThat(preview("partial-preview", "pair", PartialRunMode.SINGLE)).containsExactly("pair");
        assertThat(preview("partial-preview", "pair", PartialRunMode.UPSTREAM)).containsExactly("a", "d", "pair");
        assertThat(preview("partial-preview", "pair", PartialRunMode.DOWNSTREAM)).containsExactly("pair", "c");
        assertThat(preview("partial-preview", "c", PartialRunMode.COMPONENT)).containsExactly("a", "d", "pair", "c");
        assertThat(preview("partial-preview", "e", PartialRunMode.COMPONENT)).containsExactly("e");
        assertThat(preview("partial-preview", "a", PartialRunMode.DOWNSTREAM)).containsExactly("a", "pair", "c");

        var single = partialRuns.preview(new PreviewPartialRunCommand(FlowId.of("partial-preview"), NodeId.of("pair"),
                PartialRunMode.SINGLE));
        assertThat(single.boundaryHandles()).containsExactly(
                new BoundaryHandle(NodeId.of("pair"), HandleName.of("left"), true, List.of(NodeId.of("a"))),
                new BoundaryHandle(NodeId.of("pair"), HandleName.of("right"), true, List.of(NodeId.of("d"))));
        var fromA = partialRuns.preview(new PreviewPartialRunCommand(FlowId.of("partial-preview"), NodeId.of("a"),
                PartialRunMode.DOWNSTREAM));
        assertThat(fromA.boundaryHandles()).containsExactly(
                new BoundaryHandle(NodeId.of("pair"), HandleName.of("right"), true, List.of(NodeId.of("d"))));
        assertThat(partialRuns.preview(new PreviewPartialRunCommand(FlowId.of("partial-preview"), NodeId.of("c"),
                PartialRunMode.UPSTREAM)).boundaryHandles()).isEmpty();
    }

    @Test
    void a_partial_run_beside_the_schedule_leaves_last_cycle_next_execution_and_definition_untouched() {
        register("partial-sched", diamond("\"interval\": 10"));
        Instant t0 = clock.instant();
        flows.start(FlowId.of("partial-sched"));
        timers.runDue();
        awaitEnd("partial-sched", 0);
        long version = flow("partial-sched").definitionVersion();

        // a and d are left out: both inputs of pair are boundary handles and get supplied values.
        PartialRunDetails started = start("partial-sched", "pair", PartialRunMode.DOWNSTREAM,
                input("pair", "left", Map.of("from", "a-given")), input("pair", "right", Map.of("from", "operator")));

        assertThat(started.id()).isEqualTo(PartialRunId.of(1));
        assertThat(started.cycleNumber()).isEqualTo(PartialRunId.of(1).cycle());
        PartialRunDetails done = awaitRunEnd("partial-sched", started.id());
        assertThat(done.status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(statuses(done)).containsExactly(entry("pair", "completed"), entry("c", "completed"));
        long partialCycle = done.cycleNumber().value();
        assertThat(Executions.input("partial-sched", partialCycle, "pair", "right")).containsEntry("from", "operator");
        assertThat(Executions.input("partial-sched", partialCycle, "pair", "left")).containsEntry("from", "a-given");

        assertThat(flow("partial-sched").lastCycle()).contains(CycleNumber.of(0));
        assertThat(flow("partial-sched").nextExecution()).contains(t0.plusSeconds(10));
        assertThat(flow("partial-sched").status()).isEqualTo(FlowStatus.RUNNING);
        assertThat(flow("partial-sched").definitionVersion()).isEqualTo(version);
        assertThat(execution.cycles(FlowId.of("partial-sched"), 10)).extracting(c -> c.number().value())
                .containsExactly(0L);

        // The schedule goes on as if nothing happened.
        timers.advanceBy(Duration.ofSeconds(10));
        assertThat(awaitEndStatus("partial-sched", 1)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(cycle("partial-sched", 1).cycle().startTime()).isEqualTo(t0.plusSeconds(10));
    }

    @Test
    void a_partial_run_and_the_flows_own_cycle_run_side_by_side_without_colliding() {
        register("partial-side", """
                {"interval": 0, "max_concurrent_cycles": 1,
                 "nodes": [{"id": "g", "type": "gate_node", "config": {"gate": "partial-side"}},
                           {"id": "p", "type": "probe_node"}],
                 "edges": [{"source": "g", "source_handle": "output", "target": "p", "target_handle": "input"}]}
                """);
        long own = runNow("partial-side");
        awaitTaskStatus("partial-side", own, "g", NodeTaskStatus.RUNNING);

        // A flow cycle is running and max_concurrent_cycles is 1: partial runs do not count against it.
        PartialRunDetails first = start("partial-side", "g", PartialRunMode.DOWNSTREAM);
        PartialRunDetails second = start("partial-side", "p", PartialRunMode.SINGLE);
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.tasks()).extracting(t -> t.id().display()).doesNotContainAnyElementsOf(
                cycle("partial-side", own).tasks().stream().map(t -> t.id().display()).toList());
        PartialRunDetails secondDone = awaitRunEnd("partial-side", second.id());
        assertThat(secondDone.status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(Executions.inputs("partial-side", secondDone.cycleNumber().value(), "p")).isEmpty();
        eventually().until(() -> Gates.inside("partial-side") == 2);

        Gates.open("partial-side");

        assertThat(awaitEndStatus("partial-side", own)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(awaitRunEnd("partial-side", first.id()).status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(flow("partial-side").lastCycle()).contains(CycleNumber.of(own));
        assertThat(partialRuns.partialRuns(FlowId.of("partial-side"), 10)).extracting(PartialRunDetails::id)
                .containsExactly(second.id(), first.id());
        assertThat(logMessages("partial-side")).anyMatch(m -> m.startsWith("partial run 1 started (downstream of node g"));
    }

    @Test
    void a_cancelled_partial_run_ends_terminated() {
        register("partial-cancel", """
                {"interval": 0,
                 "nodes": [{"id": "g", "type": "gate_node", "config": {"gate": "partial-cancel"}},
                           {"id": "p", "type": "probe_node"}],
                 "edges": [{"source": "g", "source_handle": "output", "target": "p", "target_handle": "input"}]}
                """);
        PartialRunDetails run = start("partial-cancel", "g", PartialRunMode.DOWNSTREAM);
        eventually().until(() -> Gates.inside("partial-cancel") == 1);

        partialRuns.cancel(FlowId.of("partial-cancel"), run.id(), "partial run cancelled");

        PartialRunDetails done = awaitRunEnd("partial-cancel", run.id());
        assertThat(done.status()).isEqualTo(CycleStatus.TERMINATED);
        assertThat(statuses(done)).containsExactly(entry("g", "terminated"), entry("p", "terminated"));
    }

    @Test
    void bad_requests_list_every_problem_and_start_nothing() {
        register("partial-bad", diamond("\"interval\": 0"));
        FlowId flowId = FlowId.of("partial-bad");

        assertThatThrownBy(() -> start("partial-bad", "ghost", PartialRunMode.SINGLE))
                .isInstanceOf(InvalidPartialRunException.class)
                .satisfies(e -> assertThat(((InvalidPartialRunException) e).problems())
                        .extracting(InvalidPartialRunException.Problem::code).containsExactly("trigger_node_unknown"));
        assertThatThrownBy(() -> partialRuns.preview(new PreviewPartialRunCommand(flowId, NodeId.of("ghost"),
                PartialRunMode.UPSTREAM))).isInstanceOf(InvalidPartialRunException.class);
        assertThatThrownBy(() -> start("partial-bad", "pair", PartialRunMode.SINGLE,
                input("pair", "left", 1), input("pair", "left", 2), input("c", "input", 3)))
                .isInstanceOf(InvalidPartialRunException.class)
                .satisfies(e -> assertThat(((InvalidPartialRunException) e).problems())
                        .extracting(InvalidPartialRunException.Problem::code, InvalidPartialRunException.Problem::handle)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("input_duplicate", "left"),
                                org.assertj.core.groups.Tuple.tuple("input_not_a_boundary_handle", "input"),
                                org.assertj.core.groups.Tuple.tuple("input_missing", "right")));

        assertThat(partialRuns.partialRuns(flowId, 10)).isEmpty();
        assertThat(flow("partial-bad").lastCycle()).isEmpty();
    }

    @Test
    void a_scalar_input_is_wrapped_like_a_node_output() {
        register("partial-scalar", diamond("\"interval\": 0"));

        PartialRunDetails run = start("partial-scalar", "pair", PartialRunMode.SINGLE, input("pair", "left", 42),
                input("pair", "right", "text"));

        PartialRunDetails done = awaitRunEnd("partial-scalar", run.id());
        assertThat(done.status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(Executions.input("partial-scalar", done.cycleNumber().value(), "pair", "left"))
                .containsExactly(entry("value", 42));
    }
}
