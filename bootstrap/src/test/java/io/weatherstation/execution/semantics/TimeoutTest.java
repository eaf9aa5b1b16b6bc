package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SPEC §4.7: a node past {@code timeout_seconds} is interrupted and failed, promptly. */
class TimeoutTest extends EngineTestSupport {

    @Test
    void a_node_exceeding_its_timeout_is_interrupted_and_failed() {
        register("timeout", """
                {"interval": 0,
                 "nodes": [{"id": "slow", "type": "delay_node", "config": {"seconds": 30}, "timeout_seconds": 1},
                           {"id": "after", "type": "probe_node"}],
                 "edges": [{"source": "slow", "source_handle": "output", "target": "after", "target_handle": "input"}]}
                """);
        long cycle = runNow("timeout");
        awaitTaskStatus("timeout", cycle, "slow", NodeTaskStatus.RUNNING);

        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(20))
                .until(() -> task("timeout", cycle, "slow").status() == NodeTaskStatus.FAILED);

        var details = awaitEnd("timeout", cycle);
        assertThat(details.cycle().status()).isEqualTo(CycleStatus.FAILED);
        assertThat(statuses(details)).containsExactly(entry("slow", "failed"), entry("after", "skipped"));
        assertThat(message(details, "slow")).isEqualTo("timed out after 1 s");
        assertThat(message(details, "after")).isEqualTo("upstream_failed");
        // The node's thread really left the node: nothing of this flow is executing any more.
        eventually().until(() -> runningTasks.count() == 0);
    }
}
