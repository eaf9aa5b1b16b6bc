package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Executions;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Replacing a running flow: the running cycle ends on its old definition, the next uses the new one. */
class ReplaceWhileRunningTest extends EngineTestSupport {

    @Test
    void the_running_cycle_finishes_on_the_old_definition_and_the_next_runs_the_new_one() {
        FlowId id = FlowId.of("replace-running");
        register("replace-running", """
                {"interval": 10,
                 "nodes": [{"id": "src", "type": "gate_node", "config": {"gate": "replace-running"}},
                           {"id": "old_sink", "type": "probe_node", "config": {"tag": "v1"}}],
                 "edges": [{"source": "src", "source_handle": "output", "target": "old_sink", "target_handle": "input"}]}
                """);
        flows.start(id);
        timers.runDue();
        awaitTaskStatus("replace-running", 0, "src", NodeTaskStatus.RUNNING);

        var replaced = register("replace-running", """
                {"interval": 10,
                 "nodes": [{"id": "src", "type": "constant_node", "config": {"values": {"v": 2}}},
                           {"id": "new_sink", "type": "probe_node", "config": {"tag": "v2"}}],
                 "edges": [{"source": "src", "source_handle": "output", "target": "new_sink", "target_handle": "input"}]}
                """);
        assertThat(replaced.flow().status()).isEqualTo(FlowStatus.RUNNING);
        Gates.open("replace-running");

        var old = awaitEnd("replace-running", 0);
        assertThat(old.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(statuses(old)).containsExactly(entry("src", "completed"), entry("old_sink", "completed"));
        assertThat(Executions.config("replace-running", 0, "old_sink")).containsEntry("tag", "v1");

        timers.advanceBy(Duration.ofSeconds(10));

        var next = awaitEnd("replace-running", 1);
        assertThat(next.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(statuses(next)).containsExactly(entry("src", "completed"), entry("new_sink", "completed"));
        assertThat(Executions.config("replace-running", 1, "new_sink")).containsEntry("tag", "v2");
    }

    @Test
    void replacing_the_definition_keeps_the_schedule_on_its_instants() {
        FlowId id = FlowId.of("replace-rate");
        String definition = """
                {"interval": 10,
                 "nodes": [{"id": "a", "type": "probe_node", "config": {"tag": "%s"}}],
                 "edges": []}
                """;
        register("replace-rate", definition.formatted("v1"));
        Instant t0 = clock.instant();
        flows.start(id);
        timers.runDue();
        awaitEnd("replace-rate", 0);

        // An editor saving every few seconds must not push the next cycle away each time.
        for (int save = 2; save <= 4; save++) {
            timers.advanceBy(Duration.ofSeconds(3));
            register("replace-rate", definition.formatted("v" + save));
        }
        timers.advanceBy(Duration.ofSeconds(1));

        assertThat(cycleExists("replace-rate", 1)).as("cycle due at t0+10").isTrue();
        assertThat(cycle("replace-rate", 1).cycle().startTime()).isEqualTo(t0.plusSeconds(10));
        awaitEnd("replace-rate", 1);
        assertThat(Executions.config("replace-rate", 1, "a")).containsEntry("tag", "v4");

        // A changed schedule takes effect from the replacement on.
        register("replace-rate", definition.formatted("v5").replace("\"interval\": 10", "\"interval\": 60"));
        timers.advanceBy(Duration.ofSeconds(59));
        assertThat(flow("replace-rate").lastCycle()).contains(io.weatherstation.shared.domain.CycleNumber.of(1));
        timers.advanceBy(Duration.ofSeconds(1));
        assertThat(cycle("replace-rate", 2).cycle().startTime()).isEqualTo(t0.plusSeconds(70));
        awaitEnd("replace-rate", 2);
    }
}
