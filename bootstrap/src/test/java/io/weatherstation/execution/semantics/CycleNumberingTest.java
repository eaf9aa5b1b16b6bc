package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.execution.application.port.in.CycleRefusedException;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SPEC §4: cycles are numbered from 0, each {@code last_cycle + 1}, never reused. */
class CycleNumberingTest extends EngineTestSupport {

    private static final String CONSTANT_FLOW = """
            {"interval": 10,
             "nodes": [{"id": "a", "type": "constant_node", "config": {"values": {"x": 1}}},
                       {"id": "b", "type": "probe_node"}],
             "edges": [{"source": "a", "source_handle": "output", "target": "b", "target_handle": "input"}]}
            """;

    @Test
    void cycles_are_numbered_from_zero_each_taking_last_cycle_plus_one() {
        register("numbering-seq", CONSTANT_FLOW);
        assertThat(flow("numbering-seq").lastCycle()).isEmpty();

        for (long expected = 0; expected < 4; expected++) {
            assertThat(runNow("numbering-seq")).isEqualTo(expected);
            assertThat(awaitEndStatus("numbering-seq", expected)).isEqualTo(CycleStatus.COMPLETED);
            assertThat(flow("numbering-seq").lastCycle()).contains(CycleNumber.of(expected));
        }
        assertThat(execution.cycles(FlowId.of("numbering-seq"), 100)).extracting(c -> c.number().value())
                .containsExactly(3L, 2L, 1L, 0L);
    }

    @Test
    void a_manual_run_takes_the_next_number_and_leaves_the_schedule_and_definition_alone() {
        register("numbering-manual", CONSTANT_FLOW);
        flows.start(FlowId.of("numbering-manual"));
        timers.runDue();
        awaitEnd("numbering-manual", 0);

        assertThat(runNow("numbering-manual")).isEqualTo(1);
        awaitEnd("numbering-manual", 1);

        // Failure mode 10: the manual run neither rewrote the flow nor stopped its schedule.
        assertThat(flow("numbering-manual").status()).isEqualTo(FlowStatus.RUNNING);
        assertThat(flow("numbering-manual").definitionVersion()).isEqualTo(1);
        assertThat(scheduler.isArmed(FlowId.of("numbering-manual"))).isTrue();

        timers.advanceBy(Duration.ofSeconds(10));
        assertThat(awaitEndStatus("numbering-manual", 2)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(flow("numbering-manual").lastCycle()).contains(CycleNumber.of(2));
    }

    @Test
    void replacing_the_definition_keeps_last_cycle() {
        register("numbering-replace", CONSTANT_FLOW);
        runNow("numbering-replace");
        awaitEnd("numbering-replace", 0);
        runNow("numbering-replace");
        awaitEnd("numbering-replace", 1);

        var replaced = register("numbering-replace", """
                {"interval": 30, "nodes": [{"id": "only", "type": "probe_node"}], "edges": []}
                """);

        assertThat(replaced.replaced()).isTrue();
        assertThat(replaced.flow().lastCycle()).contains(CycleNumber.of(1));
        assertThat(replaced.flow().definitionVersion()).isEqualTo(2);
        assertThat(runNow("numbering-replace")).isEqualTo(2);
        assertThat(statuses(awaitEnd("numbering-replace", 2))).containsExactly(
                java.util.Map.entry("only", "completed"));
    }

    @Test
    void a_refused_manual_run_consumes_no_number() {
        register("numbering-refused", """
                {"interval": 10, "max_concurrent_cycles": 1,
                 "nodes": [{"id": "hold", "type": "gate_node", "config": {"gate": "numbering-refused"}}],
                 "edges": []}
                """);
        assertThat(runNow("numbering-refused")).isEqualTo(0);
        awaitTaskStatus("numbering-refused", 0, "hold", NodeTaskStatus.RUNNING);

        assertThatThrownBy(() -> runNow("numbering-refused")).isInstanceOf(CycleRefusedException.class)
                .hasMessageContaining("max_concurrent_cycles=1");
        assertThat(flow("numbering-refused").lastCycle()).contains(CycleNumber.of(0));

        Gates.open("numbering-refused");
        awaitEnd("numbering-refused", 0);
        assertThat(runNow("numbering-refused")).isEqualTo(1);
        awaitEnd("numbering-refused", 1);
    }
}
