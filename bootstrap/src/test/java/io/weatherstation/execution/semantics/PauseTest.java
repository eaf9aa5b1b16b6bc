package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.application.PauseExecutionService;
import io.weatherstation.execution.application.port.in.CycleRefusedException;
import io.weatherstation.execution.application.port.in.InvalidResumeException;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.HeldTasks;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.PauseCommand;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.ResumeCommand;
import io.weatherstation.execution.application.port.in.PauseExecutionUseCase.ResumeResult;
import io.weatherstation.execution.application.port.in.PauseTargetNotFoundException;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.IllegalPauseTransitionException;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.domain.PauseKind;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Executions;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC §10 pause/resume and failure mode 9: a paused node's ready tasks wait in status
 * {@code paused} — without timing out — and run on resume; a paused flow starts no cycles.
 */
class PauseTest extends EngineTestSupport {

    @Autowired PauseExecutionService pauses;

    /** gate (waits at its gate) → probe (1 s timeout); and an unrelated constant in component 1. */
    private static String gatedFlow(String gate, String schedule) {
        return """
                {%s,
                 "nodes": [{"id": "first", "type": "gate_node", "config": {"gate": "%s"}},
                           {"id": "second", "type": "probe_node", "timeout_seconds": 1},
                           {"id": "third", "type": "probe_node"},
                           {"id": "other", "type": "constant_node", "config": {"values": {"x": 1}}}],
                 "edges": [{"source": "first", "source_handle": "output", "target": "second", "target_handle": "input"},
                           {"source": "second", "source_handle": "output", "target": "third", "target_handle": "input"}]}
                """.formatted(schedule, gate);
    }

    private void pause(String flowId, PauseTarget target) {
        pauses.pause(PauseCommand.manual(FlowId.of(flowId), target));
    }

    private ResumeResult resume(String flowId, PauseTarget target) {
        return pauses.resume(ResumeCommand.run(FlowId.of(flowId), target));
    }

    private static PauseTarget node(String id) {
        return PauseTarget.node(NodeId.of(id));
    }

    @Test
    void a_node_paused_during_a_running_cycle_holds_its_task_without_timing_out_and_runs_it_on_resume() {
        register("pause-node", gatedFlow("pause-node", "\"interval\": 0"));
        long cycle = runNow("pause-node");
        awaitTaskStatus("pause-node", cycle, "first", NodeTaskStatus.RUNNING);

        pause("pause-node", node("second"));
        Gates.open("pause-node");

        awaitTaskStatus("pause-node", cycle, "second", NodeTaskStatus.PAUSED);
        // Longer than the node's 1 s timeout: a held task has not started, so nothing times out.
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> task("pause-node", cycle, "second").status() == NodeTaskStatus.PAUSED);
        assertThat(cycle("pause-node", cycle).cycle().isRunning()).isTrue();
        assertThat(cycle("pause-node", cycle).countsByStatus()).contains(entry(NodeTaskStatus.PAUSED, 1));
        assertThat(task("pause-node", cycle, "second").message()).isEqualTo("held: node second is paused (manual)");
        assertThat(task("pause-node", cycle, "second").attempts()).isZero();
        assertThat(Executions.count("pause-node", cycle, "second")).isZero();
        assertThat(pauses.pauses(FlowId.of("pause-node")).heldTasks()).extracting(t -> t.id().nodeId().value())
                .containsExactly("second");

        ResumeResult result = resume("pause-node", node("second"));

        assertThat(result.released()).containsExactly(
                NodeTaskId.of(FlowId.of("pause-node"), CycleNumber.of(cycle), NodeId.of("second")));
        var details = awaitEnd("pause-node", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(statuses(details)).containsExactly(entry("first", "completed"), entry("second", "completed"),
                entry("third", "completed"), entry("other", "completed"));
        assertThat(task("pause-node", cycle, "second").attempts()).isEqualTo(1);
        // It got the input that arrived while it was held.
        assertThat(Executions.input("pause-node", cycle, "second", "input")).isNotEmpty();
        assertThat(logMessages("pause-node")).contains("paused node second (manual)",
                "held: node second is paused (manual)", "released: resumed");
        assertThat(pauses.pauses(FlowId.of("pause-node")).state().isEmpty()).isTrue();
    }

    @Test
    void a_paused_flow_skips_its_ticks_and_logs_them_then_runs_again_on_resume() {
        register("pause-flow", """
                {"interval": 10,
                 "nodes": [{"id": "a", "type": "constant_node", "config": {"values": {"x": 1}}}],
                 "edges": []}
                """);
        Instant t0 = clock.instant();
        flows.start(FlowId.of("pause-flow"));
        timers.runDue();
        awaitEnd("pause-flow", 0);

        pause("pause-flow", PauseTarget.flow());
        timers.advanceBy(Duration.ofSeconds(30));

        assertThat(flow("pause-flow").lastCycle()).contains(CycleNumber.of(0));
        assertThat(cycleExists("pause-flow", 1)).isFalse();
        assertThat(logMessages("pause-flow")).filteredOn("tick skipped: the flow is paused"::equals).hasSize(3);
        // The schedule itself keeps going: the next tick is still armed on time.
        assertThat(flow("pause-flow").nextExecution()).contains(t0.plusSeconds(40));
        assertThatThrownBy(() -> runNow("pause-flow")).isInstanceOf(CycleRefusedException.class)
                .hasMessageContaining("the flow is paused");

        resume("pause-flow", PauseTarget.flow());
        timers.advanceBy(Duration.ofSeconds(10));

        assertThat(awaitEndStatus("pause-flow", 1)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(cycle("pause-flow", 1).cycle().startTime()).isEqualTo(t0.plusSeconds(40));
    }

    @Test
    void pausing_a_flow_holds_the_ready_tasks_of_its_running_cycle() {
        register("pause-flow-hold", gatedFlow("pause-flow-hold", "\"interval\": 0"));
        long cycle = runNow("pause-flow-hold");
        awaitTaskStatus("pause-flow-hold", cycle, "first", NodeTaskStatus.RUNNING);

        pause("pause-flow-hold", PauseTarget.flow());
        Gates.open("pause-flow-hold");
        awaitTaskStatus("pause-flow-hold", cycle, "second", NodeTaskStatus.PAUSED);
        assertThat(task("pause-flow-hold", cycle, "second").message()).isEqualTo("held: the flow is paused (manual)");

        resume("pause-flow-hold", PauseTarget.flow());
        assertThat(awaitEndStatus("pause-flow-hold", cycle)).isEqualTo(CycleStatus.COMPLETED);
    }

    @Test
    void a_paused_component_holds_every_node_of_it_while_other_components_run() {
        register("pause-comp", gatedFlow("pause-comp", "\"interval\": 0"));
        pause("pause-comp", PauseTarget.component(ComponentId.of(0)));

        long cycle = runNow("pause-comp");

        awaitTaskStatus("pause-comp", cycle, "other", NodeTaskStatus.COMPLETED);
        awaitTaskStatus("pause-comp", cycle, "first", NodeTaskStatus.PAUSED);
        assertThat(Gates.entered("pause-comp")).isZero();

        Gates.open("pause-comp");
        resume("pause-comp", PauseTarget.component(ComponentId.of(0)));
        assertThat(awaitEndStatus("pause-comp", cycle)).isEqualTo(CycleStatus.COMPLETED);
    }

    @Test
    void resuming_a_component_leaves_a_node_paused_on_its_own_held() {
        register("pause-both", gatedFlow("pause-both", "\"interval\": 0"));
        Gates.open("pause-both");
        pause("pause-both", PauseTarget.component(ComponentId.of(0)));
        pause("pause-both", node("first"));
        long cycle = runNow("pause-both");
        awaitTaskStatus("pause-both", cycle, "first", NodeTaskStatus.PAUSED);

        ResumeResult component = resume("pause-both", PauseTarget.component(ComponentId.of(0)));

        assertThat(component.released()).isEmpty();
        assertThat(component.stillHeld()).extracting(NodeTaskId::nodeId).containsExactly(NodeId.of("first"));
        assertThat(task("pause-both", cycle, "first").status()).isEqualTo(NodeTaskStatus.PAUSED);

        resume("pause-both", node("first"));
        assertThat(awaitEndStatus("pause-both", cycle)).isEqualTo(CycleStatus.COMPLETED);
    }

    @Test
    void resuming_with_skip_skips_the_held_task_and_its_downstream() {
        register("pause-skip", gatedFlow("pause-skip", "\"interval\": 0"));
        Gates.open("pause-skip");
        pause("pause-skip", node("second"));
        long cycle = runNow("pause-skip");
        awaitTaskStatus("pause-skip", cycle, "second", NodeTaskStatus.PAUSED);

        ResumeResult result = pauses.resume(new ResumeCommand(FlowId.of("pause-skip"), node("second"), HeldTasks.SKIP,
                Map.of()));

        assertThat(result.skipped()).hasSize(1);
        var details = awaitEnd("pause-skip", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(statuses(details)).containsExactly(entry("first", "completed"), entry("second", "skipped"),
                entry("third", "skipped"), entry("other", "completed"));
        assertThat(Executions.count("pause-skip", cycle, "second")).isZero();
    }

    @Test
    void a_node_resumed_with_input_data_runs_on_those_inputs() {
        register("pause-input", gatedFlow("pause-input", "\"interval\": 0"));
        Gates.open("pause-input");
        pause("pause-input", node("second"));
        long cycle = runNow("pause-input");
        awaitTaskStatus("pause-input", cycle, "second", NodeTaskStatus.PAUSED);

        pauses.resume(new ResumeCommand(FlowId.of("pause-input"), node("second"), HeldTasks.RUN,
                Map.of("input", Map.of("approved", true))));

        assertThat(awaitEndStatus("pause-input", cycle)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(Executions.input("pause-input", cycle, "second", "input")).containsEntry("approved", true);
    }

    @Test
    void stopping_a_flow_with_termination_ends_a_held_task() {
        register("pause-stop", gatedFlow("pause-stop", "\"interval\": 0"));
        Gates.open("pause-stop");
        pause("pause-stop", node("second"));
        long cycle = runNow("pause-stop");
        awaitTaskStatus("pause-stop", cycle, "second", NodeTaskStatus.PAUSED);

        execution.terminateRunningCycles(FlowId.of("pause-stop"), "flow stopped with termination");

        var details = awaitEnd("pause-stop", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.TERMINATED);
        assertThat(statuses(details)).containsEntry("second", "terminated");
        // The pause is still in force; resuming it finds nothing left to release.
        assertThat(resume("pause-stop", node("second")).released()).isEmpty();
    }

    @Test
    void illegal_transitions_and_unknown_targets_are_refused_and_change_nothing() {
        register("pause-bad", gatedFlow("pause-bad", "\"interval\": 0"));
        FlowId flowId = FlowId.of("pause-bad");

        assertThatThrownBy(() -> resume("pause-bad", node("second")))
                .isInstanceOf(IllegalPauseTransitionException.class).hasMessageContaining("it is not paused");
        assertThatThrownBy(() -> pause("pause-bad", node("ghost")))
                .isInstanceOf(PauseTargetNotFoundException.class).hasMessage("node ghost is not part of flow pause-bad");
        assertThatThrownBy(() -> pause("pause-bad", PauseTarget.component(ComponentId.of(7))))
                .isInstanceOf(PauseTargetNotFoundException.class);
        assertThatThrownBy(() -> resume("pause-bad", node("ghost"))).isInstanceOf(PauseTargetNotFoundException.class);
        assertThat(pauses.pauses(flowId).state().isEmpty()).isTrue();

        pauses.pause(new PauseCommand(flowId, node("second"), PauseKind.BREAKPOINT, "inspect", Map.of("k", "v")));
        assertThatThrownBy(() -> pause("pause-bad", node("second")))
                .isInstanceOf(IllegalPauseTransitionException.class).hasMessageContaining("it is paused already");
        assertThatThrownBy(() -> pauses.resume(new ResumeCommand(flowId, PauseTarget.flow(), HeldTasks.RUN,
                Map.of("input", 1)))).isInstanceOf(IllegalPauseTransitionException.class);
        assertThatThrownBy(() -> pauses.resume(new ResumeCommand(flowId, node("second"), HeldTasks.RUN,
                Map.of("nope", 1)))).isInstanceOf(InvalidResumeException.class).hasMessageContaining("'nope'");

        var pause = pauses.pauses(flowId).state().pause(node("second")).orElseThrow();
        assertThat(pause.kind()).isEqualTo(PauseKind.BREAKPOINT);
        assertThat(pause.reason()).isEqualTo("inspect");
        assertThat(pause.context()).containsEntry("k", "v");
    }
}
