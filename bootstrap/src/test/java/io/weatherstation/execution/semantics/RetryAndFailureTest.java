package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Executions;
import io.weatherstation.journal.domain.LogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §4.6 and failure mode 7: retries with exponential backoff; a failure skips only what depends on it. */
class RetryAndFailureTest extends EngineTestSupport {

    @Test
    void a_failing_node_is_retried_with_exponential_backoff_until_it_succeeds() {
        register("retry-ok", """
                {"interval": 0,
                 "nodes": [{"id": "flaky", "type": "fail_node", "config": {"succeed_on_attempt": 3},
                            "retry": {"max_attempts": 3, "backoff_seconds": 0.05}},
                           {"id": "after", "type": "probe_node"}],
                 "edges": [{"source": "flaky", "source_handle": "output", "target": "after", "target_handle": "input"}]}
                """);
        long cycle = runNow("retry-ok");

        var details = awaitEnd("retry-ok", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(statuses(details)).containsExactly(entry("flaky", "completed"), entry("after", "completed"));
        assertThat(task("retry-ok", cycle, "flaky").attempts()).isEqualTo(3);
        assertThat(Executions.inputs("retry-ok", cycle, "after")).containsKey("input");
        List<String> nodeLines = logs("retry-ok").stream().filter(e -> e.nodeId() != null)
                .map(LogEntry::message).toList();
        assertThat(nodeLines).containsSubsequence(
                "attempt 1 failed: failed on purpose; retrying in 50 ms",
                "attempt 2 failed: failed on purpose; retrying in 100 ms");
    }

    @Test
    void exhausted_retries_fail_the_node_skip_its_dependants_and_fail_the_cycle_while_unrelated_nodes_complete() {
        register("retry-exhausted", """
                {"interval": 0,
                 "nodes": [{"id": "price", "type": "constant_node", "config": {"values": {"p": 1}}},
                           {"id": "broken", "type": "fail_node", "config": {"message": "exchange down"},
                            "retry": {"max_attempts": 2, "backoff_seconds": 0.01}},
                           {"id": "buy", "type": "probe_node"},
                           {"id": "notify", "type": "probe_node"},
                           {"id": "log", "type": "probe_node"},
                           {"id": "archive", "type": "probe_node"},
                           {"id": "elsewhere", "type": "constant_node", "config": {"values": {"q": 2}}},
                           {"id": "elsewhere_sink", "type": "probe_node"}],
                 "edges": [{"source": "price", "source_handle": "output", "target": "broken", "target_handle": "input"},
                           {"source": "broken", "source_handle": "output", "target": "buy", "target_handle": "input"},
                           {"source": "buy", "source_handle": "output", "target": "notify", "target_handle": "input"},
                           {"source": "price", "source_handle": "output", "target": "log", "target_handle": "input"},
                           {"source": "log", "source_handle": "output", "target": "archive", "target_handle": "input"},
                           {"source": "elsewhere", "source_handle": "output", "target": "elsewhere_sink", "target_handle": "input"}]}
                """);
        long cycle = runNow("retry-exhausted");

        var details = awaitEnd("retry-exhausted", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.FAILED);
        assertThat(statuses(details)).containsExactly(
                entry("price", "completed"), entry("broken", "failed"), entry("buy", "skipped"),
                entry("notify", "skipped"), entry("log", "completed"), entry("archive", "completed"),
                entry("elsewhere", "completed"), entry("elsewhere_sink", "completed"));
        assertThat(message(details, "broken")).isEqualTo("exchange down");
        assertThat(task("retry-exhausted", cycle, "broken").attempts()).isEqualTo(2);
        assertThat(message(details, "buy")).isEqualTo("upstream_failed");
        assertThat(message(details, "notify")).isEqualTo("upstream_failed");
    }

    @Test
    void without_a_retry_policy_a_node_runs_once() {
        register("retry-none", """
                {"interval": 0,
                 "nodes": [{"id": "broken", "type": "fail_node"}],
                 "edges": []}
                """);
        long cycle = runNow("retry-none");

        assertThat(awaitEndStatus("retry-none", cycle)).isEqualTo(CycleStatus.FAILED);
        assertThat(task("retry-none", cycle, "broken").attempts()).isEqualTo(1);
        assertThat(task("retry-none", cycle, "broken").message()).isEqualTo("failed on purpose");
    }
}
