package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Executions;
import org.junit.jupiter.api.Test;

/** SPEC §4.4: an output handle that produced nothing skips its edges, transitively. */
class SkipPropagationTest extends EngineTestSupport {

    @Test
    void the_branch_not_taken_is_skipped_transitively_and_the_cycle_completes() {
        register("skip-branch", """
                {"interval": 0,
                 "nodes": [{"id": "price", "type": "constant_node", "config": {"values": {"open": 2, "close": 1}}},
                           {"id": "rising", "type": "condition_node", "config": {"expression": "input.close > input.open"}},
                           {"id": "buy", "type": "probe_node"},
                           {"id": "confirm", "type": "probe_node"},
                           {"id": "notify", "type": "probe_node"},
                           {"id": "hold", "type": "probe_node"}],
                 "edges": [{"source": "price", "source_handle": "output", "target": "rising", "target_handle": "input"},
                           {"source": "rising", "source_handle": "true", "target": "buy", "target_handle": "input"},
                           {"source": "buy", "source_handle": "output", "target": "confirm", "target_handle": "input"},
                           {"source": "confirm", "source_handle": "output", "target": "notify", "target_handle": "input"},
                           {"source": "rising", "source_handle": "false", "target": "hold", "target_handle": "input"}]}
                """);
        long cycle = runNow("skip-branch");

        var details = awaitEnd("skip-branch", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(statuses(details)).containsExactly(
                entry("price", "completed"), entry("rising", "completed"), entry("buy", "skipped"),
                entry("confirm", "skipped"), entry("notify", "skipped"), entry("hold", "completed"));
        assertThat(message(details, "buy")).isEqualTo("upstream_skipped");
        assertThat(message(details, "notify")).isEqualTo("upstream_skipped");
        assertThat(Executions.count("skip-branch", cycle, "buy") + Executions.count("skip-branch", cycle, "notify"))
                .isZero();
    }

    @Test
    void a_node_fed_by_a_taken_and_a_skipped_branch_runs_with_what_arrived() {
        register("skip-partial", """
                {"interval": 0,
                 "nodes": [{"id": "price", "type": "constant_node", "config": {"values": {"open": 1, "close": 2}}},
                           {"id": "rising", "type": "condition_node", "config": {"expression": "input.close > input.open"}},
                           {"id": "report", "type": "probe_node"}],
                 "edges": [{"source": "price", "source_handle": "output", "target": "rising", "target_handle": "input"},
                           {"source": "rising", "source_handle": "true", "target": "report", "target_handle": "input"},
                           {"source": "rising", "source_handle": "false", "target": "report", "target_handle": "input"}]}
                """);
        long cycle = runNow("skip-partial");

        var details = awaitEnd("skip-partial", cycle);
        assertThat(statuses(details)).containsEntry("report", "completed");
        assertThat(Executions.inputs("skip-partial", cycle, "report")).containsOnlyKeys("input");
        assertThat(Executions.input("skip-partial", cycle, "report", "input")).containsOnlyKeys("true");
    }
}
