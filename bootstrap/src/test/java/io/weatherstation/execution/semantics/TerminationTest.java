package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SPEC §4.8, flow stop with and without termination, and failure mode 3. */
class TerminationTest extends EngineTestSupport {

    @Test
    void a_stop_request_for_a_running_node_task_terminates_it() {
        register("term-task", """
                {"interval": 0,
                 "nodes": [{"id": "wait", "type": "delay_node", "config": {"seconds": 30}},
                           {"id": "after", "type": "probe_node"},
                           {"id": "side", "type": "constant_node", "config": {"values": {"x": 1}}}],
                 "edges": [{"source": "wait", "source_handle": "output", "target": "after", "target_handle": "input"}]}
                """);
        long cycle = runNow("term-task");
        awaitTaskStatus("term-task", cycle, "wait", NodeTaskStatus.RUNNING);

        execution.stop("term-task_" + cycle + "_wait", "operator asked");

        var details = awaitEnd("term-task", cycle);
        assertThat(statuses(details)).containsExactly(
                entry("wait", "terminated"), entry("after", "skipped"), entry("side", "completed"));
        assertThat(message(details, "wait")).isEqualTo("operator asked");
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        eventually().until(() -> runningTasks.count() == 0);
    }

    @Test
    void a_stop_request_for_a_task_still_waiting_for_inputs_terminates_it_at_once() {
        register("term-waiting", """
                {"interval": 0,
                 "nodes": [{"id": "src", "type": "gate_node", "config": {"gate": "term-waiting"}},
                           {"id": "later", "type": "probe_node"}],
                 "edges": [{"source": "src", "source_handle": "output", "target": "later", "target_handle": "input"}]}
                """);
        long cycle = runNow("term-waiting");
        awaitTaskStatus("term-waiting", cycle, "src", NodeTaskStatus.RUNNING);

        var stopped = execution.stop("term-waiting_" + cycle + "_later", "not needed");
        assertThat(stopped.status()).isEqualTo(NodeTaskStatus.TERMINATED);

        Gates.open("term-waiting");
        var details = awaitEnd("term-waiting", cycle);
        assertThat(statuses(details)).containsExactly(entry("src", "completed"), entry("later", "terminated"));
    }

    @Test
    void stopping_a_flow_with_termination_ends_its_running_nodes_and_cycle_and_nothing_revives_it() {
        FlowId id = FlowId.of("term-flow");
        register("term-flow", """
                {"interval": 10,
                 "nodes": [{"id": "price", "type": "constant_node", "config": {"values": {"p": 1}}},
                           {"id": "work", "type": "gate_node", "config": {"gate": "term-flow"}},
                           {"id": "buy", "type": "probe_node"},
                           {"id": "notify", "type": "probe_node"}],
                 "edges": [{"source": "price", "source_handle": "output", "target": "work", "target_handle": "input"},
                           {"source": "work", "source_handle": "output", "target": "buy", "target_handle": "input"},
                           {"source": "buy", "source_handle": "output", "target": "notify", "target_handle": "input"}]}
                """);
        flows.start(id);
        timers.runDue();
        awaitTaskStatus("term-flow", 0, "work", NodeTaskStatus.RUNNING);

        flows.stop(id, true);

        var details = awaitEnd("term-flow", 0);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.TERMINATED);
        assertThat(statuses(details)).containsExactly(entry("price", "completed"), entry("work", "terminated"),
                entry("buy", "terminated"), entry("notify", "terminated"));
        // Failure mode 3: the node's code really stopped, not just its status.
        assertThat(Gates.interrupted("term-flow")).isEqualTo(1);
        assertThat(Gates.inside("term-flow")).isZero();

        timers.advanceBy(Duration.ofMinutes(10));
        assertThat(flow("term-flow").status()).isEqualTo(FlowStatus.STOPPED);
        assertThat(flow("term-flow").lastCycle()).contains(CycleNumber.of(0));
        assertThat(flow("term-flow").nextExecution()).isEmpty();
        assertThat(scheduler.isArmed(id)).isFalse();
    }

    @Test
    void stopping_a_flow_without_termination_lets_the_running_cycle_finish_and_starts_no_other() {
        FlowId id = FlowId.of("term-soft");
        register("term-soft", """
                {"interval": 10,
                 "nodes": [{"id": "work", "type": "gate_node", "config": {"gate": "term-soft"}},
                           {"id": "after", "type": "probe_node"}],
                 "edges": [{"source": "work", "source_handle": "output", "target": "after", "target_handle": "input"}]}
                """);
        flows.start(id);
        timers.runDue();
        awaitTaskStatus("term-soft", 0, "work", NodeTaskStatus.RUNNING);

        flows.stop(id, false);
        timers.advanceBy(Duration.ofSeconds(30));
        assertThat(task("term-soft", 0, "work").status()).isEqualTo(NodeTaskStatus.RUNNING);

        Gates.open("term-soft");

        var details = awaitEnd("term-soft", 0);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(statuses(details)).containsExactly(entry("work", "completed"), entry("after", "completed"));
        timers.advanceBy(Duration.ofMinutes(10));
        assertThat(flow("term-soft").status()).isEqualTo(FlowStatus.STOPPED);
        assertThat(flow("term-soft").lastCycle()).contains(CycleNumber.of(0));
    }

    @Test
    void a_tick_racing_with_a_stop_starts_no_cycle_after_the_stop() {
        FlowId id = FlowId.of("term-race");
        register("term-race", """
                {"interval": 10,
                 "nodes": [{"id": "a", "type": "constant_node", "config": {"values": {"x": 1}}}],
                 "edges": []}
                """);
        flows.start(id);
        timers.runDue();
        awaitEnd("term-race", 0);

        // The next tick has passed its status check when the user stops the flow.
        tickClaims.onNextClaim(id, flowId -> flows.stop(flowId, false));
        timers.advanceBy(Duration.ofSeconds(10));

        assertThat(flow("term-race").status()).isEqualTo(FlowStatus.STOPPED);
        assertThat(flow("term-race").lastCycle()).as("no cycle started after the stop").contains(CycleNumber.of(0));
        assertThat(execution.runningCycles(id)).isZero();
    }

    @Test
    void deleting_a_running_flow_ends_its_nodes_and_removes_all_of_its_state() {
        FlowId id = FlowId.of("term-delete");
        String definition = """
                {"interval": 10,
                 "nodes": [{"id": "work", "type": "gate_node", "config": {"gate": "term-delete"}}],
                 "edges": []}
                """;
        register("term-delete", definition);
        flows.start(id);
        timers.runDue();
        awaitTaskStatus("term-delete", 0, "work", NodeTaskStatus.RUNNING);

        flows.delete(id);

        eventually().until(() -> Gates.interrupted("term-delete") == 1 && Gates.inside("term-delete") == 0);
        eventually().until(() -> runningTasks.count() == 0);
        assertThat(flowRepository.find(id)).isEmpty();
        assertThat(scheduler.isArmed(id)).isFalse();
        assertThat(execution.cycle(id, CycleNumber.of(0))).isEmpty();
        assertThat(execution.task("term-delete_0_work")).isEmpty();
        assertThat(logs("term-delete")).isEmpty();

        // The id is free again, and a flow registered under it starts from scratch.
        register("term-delete", definition.replace("\"gate_node\", \"config\": {\"gate\": \"term-delete\"}",
                "\"constant_node\", \"config\": {}"));
        assertThat(flow("term-delete").lastCycle()).isEmpty();
        assertThat(runNow("term-delete")).isZero();
        assertThat(statuses(awaitEnd("term-delete", 0))).containsExactly(entry("work", "completed"));
    }

    @Test
    void a_stopped_flow_started_again_runs_again_and_continues_its_numbering() {
        FlowId id = FlowId.of("term-restart");
        register("term-restart", """
                {"interval": 10,
                 "nodes": [{"id": "a", "type": "constant_node", "config": {"values": {"x": 1}}}],
                 "edges": []}
                """);
        flows.start(id);
        timers.runDue();
        awaitEnd("term-restart", 0);
        flows.stop(id, false);
        timers.advanceBy(Duration.ofSeconds(25));

        flows.start(id);
        timers.runDue();

        assertThat(flow("term-restart").status()).isEqualTo(FlowStatus.RUNNING);
        assertThat(awaitEndStatus("term-restart", 1)).isEqualTo(CycleStatus.COMPLETED);
        timers.advanceBy(Duration.ofSeconds(10));
        assertThat(awaitEndStatus("term-restart", 2)).isEqualTo(CycleStatus.COMPLETED);
    }
}
