package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.journal.domain.LogSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4.1 and §4.9, failure mode 6: a cycle registers every node, and ends when its last task
 * is terminal — however long that takes — with its end time set and a log line written.
 */
class CycleEndTest extends EngineTestSupport {

    @Test
    void a_starting_cycle_registers_every_node_and_dispatches_only_entry_nodes() {
        register("end-start", """
                {"interval": 0,
                 "nodes": [{"id": "entry", "type": "gate_node", "config": {"gate": "end-start"}},
                           {"id": "second", "type": "probe_node"},
                           {"id": "third", "type": "probe_node"}],
                 "edges": [{"source": "entry", "source_handle": "output", "target": "second", "target_handle": "input"},
                           {"source": "second", "source_handle": "output", "target": "third", "target_handle": "input"}]}
                """);
        long cycle = runNow("end-start");
        awaitTaskStatus("end-start", cycle, "entry", NodeTaskStatus.RUNNING);

        assertThat(cycle("end-start", cycle).cycle().isRunning()).isTrue();
        assertThat(task("end-start", cycle, "second").status()).isEqualTo(NodeTaskStatus.REGISTERED);
        assertThat(task("end-start", cycle, "third").status()).isEqualTo(NodeTaskStatus.REGISTERED);
        assertThat(cycle("end-start", cycle).cycle().endTime()).isNull();

        Gates.open("end-start");
        assertThat(awaitEndStatus("end-start", cycle)).isEqualTo(CycleStatus.COMPLETED);
    }

    @Test
    void a_cycle_ends_when_its_last_task_ends_however_long_after_its_start() {
        register("end-long", """
                {"interval": 0,
                 "nodes": [{"id": "long", "type": "gate_node", "config": {"gate": "end-long"}},
                           {"id": "after", "type": "probe_node"}],
                 "edges": [{"source": "long", "source_handle": "output", "target": "after", "target_handle": "input"}]}
                """);
        Instant started = clock.instant();
        long cycle = runNow("end-long");
        awaitTaskStatus("end-long", cycle, "long", NodeTaskStatus.RUNNING);

        // Far beyond the 300 s after which the original engine stopped looking.
        clock.advance(Duration.ofMinutes(20));
        assertThat(cycle("end-long", cycle).cycle().isRunning()).isTrue();
        Gates.open("end-long");

        var details = awaitEnd("end-long", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(details.cycle().startTime()).isEqualTo(started);
        assertThat(details.cycle().endTime()).isEqualTo(started.plus(Duration.ofMinutes(20)));
        assertThat(logs("end-long")).anySatisfy(line -> {
            assertThat(line.source()).isEqualTo(LogSource.SCHEDULER);
            assertThat(line.cycle()).isEqualTo(cycle);
            assertThat(line.message()).isEqualTo("cycle " + cycle + " completed in 1200000 ms");
        });
    }

    @Test
    void every_task_of_a_mixed_cycle_ends_terminal() {
        register("end-mixed", """
                {"interval": 0,
                 "nodes": [{"id": "price", "type": "constant_node", "config": {"values": {"open": 2, "close": 1}}},
                           {"id": "rising", "type": "condition_node", "config": {"expression": "input.close > input.open"}},
                           {"id": "buy", "type": "probe_node"},
                           {"id": "broken", "type": "fail_node"},
                           {"id": "after_broken", "type": "probe_node"},
                           {"id": "guard", "type": "condition_node",
                            "config": {"expression": "false", "mode": "stop"}},
                           {"id": "never", "type": "probe_node"}],
                 "edges": [{"source": "price", "source_handle": "output", "target": "rising", "target_handle": "input"},
                           {"source": "rising", "source_handle": "true", "target": "buy", "target_handle": "input"},
                           {"source": "rising", "source_handle": "false", "target": "broken", "target_handle": "input"},
                           {"source": "broken", "source_handle": "output", "target": "after_broken", "target_handle": "input"},
                           {"source": "guard", "source_handle": "true", "target": "never", "target_handle": "input"}]}
                """);
        long cycle = runNow("end-mixed");

        var details = awaitEnd("end-mixed", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.FAILED);
        assertThat(statuses(details)).containsValues("completed", "skipped", "failed", "terminated");
    }
}
