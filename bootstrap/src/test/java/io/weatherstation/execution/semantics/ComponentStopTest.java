package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Executions;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.shared.domain.ComponentId;
import org.junit.jupiter.api.Test;

/** SPEC §4.5 and failure mode 7: a stop ends its own component's cycle, nothing else. */
class ComponentStopTest extends EngineTestSupport {

    @Test
    void a_condition_in_stop_mode_terminates_the_rest_of_its_component_only() {
        register("stop-component", """
                {"interval": 0,
                 "nodes": [{"id": "price", "type": "constant_node", "config": {"values": {"open": 2, "close": 1}}},
                           {"id": "slow", "type": "gate_node", "config": {"gate": "stop-component-never"}},
                           {"id": "after_slow", "type": "probe_node"},
                           {"id": "go", "type": "gate_node", "config": {"gate": "stop-component-go"}},
                           {"id": "guard", "type": "condition_node",
                            "config": {"expression": "input.close > input.open", "mode": "stop"}},
                           {"id": "buy", "type": "probe_node"},
                           {"id": "notify", "type": "probe_node"},
                           {"id": "other", "type": "constant_node", "config": {"values": {"x": 1}}},
                           {"id": "other_sink", "type": "probe_node"}],
                 "edges": [{"source": "price", "source_handle": "output", "target": "slow", "target_handle": "input"},
                           {"source": "slow", "source_handle": "output", "target": "after_slow", "target_handle": "input"},
                           {"source": "price", "source_handle": "output", "target": "go", "target_handle": "input"},
                           {"source": "go", "source_handle": "output", "target": "guard", "target_handle": "input"},
                           {"source": "guard", "source_handle": "true", "target": "buy", "target_handle": "input"},
                           {"source": "buy", "source_handle": "output", "target": "notify", "target_handle": "input"},
                           {"source": "other", "source_handle": "output", "target": "other_sink", "target_handle": "input"}]}
                """);
        long cycle = runNow("stop-component");
        awaitTaskStatus("stop-component", cycle, "slow", NodeTaskStatus.RUNNING);
        awaitTaskStatus("stop-component", cycle, "other_sink", NodeTaskStatus.COMPLETED);

        Gates.open("stop-component-go");

        var details = awaitEnd("stop-component", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(statuses(details)).containsExactly(
                entry("price", "completed"), entry("slow", "terminated"), entry("after_slow", "terminated"),
                entry("go", "completed"), entry("guard", "completed"), entry("buy", "terminated"),
                entry("notify", "terminated"), entry("other", "completed"), entry("other_sink", "completed"));
        for (String node : new String[] {"slow", "after_slow", "buy", "notify"}) {
            assertThat(message(details, node)).as(node)
                    .isEqualTo("execution stopped by node guard: condition not met: input.close > input.open");
        }
        assertThat(details.cycle().componentStop(ComponentId.of(0))).hasValueSatisfying(stop -> {
            assertThat(stop.sourceNode().value()).isEqualTo("guard");
            assertThat(stop.reason()).isEqualTo("condition not met: input.close > input.open");
        });
        assertThat(details.cycle().componentStop(ComponentId.of(1))).isEmpty();
        assertThat(logMessages("stop-component"))
                .contains("stopped execution of component 0: condition not met: input.close > input.open");
        // The running node's code was interrupted, not left running behind a terminated status.
        assertThat(Gates.interrupted("stop-component-never")).isEqualTo(1);
        assertThat(Gates.inside("stop-component-never")).isZero();
        assertThat(Executions.count("stop-component", cycle, "buy")).isZero();
    }
}
