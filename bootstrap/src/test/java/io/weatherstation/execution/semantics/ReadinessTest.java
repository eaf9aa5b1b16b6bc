package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Executions;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import io.weatherstation.signaling.domain.SignalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** SPEC §4.2 and §4.3: atomic readiness, aggregate handles and wildcard sends; failure mode 1. */
class ReadinessTest extends EngineTestSupport {

    @Test
    void a_node_with_two_inputs_runs_once_when_both_arrived_however_far_apart() {
        register("ready-pair", """
                {"interval": 0,
                 "nodes": [{"id": "fast", "type": "constant_node", "config": {"values": {"side": "fast"}}},
                           {"id": "src", "type": "constant_node", "config": {"values": {"side": "slow"}}},
                           {"id": "slow", "type": "gate_node", "config": {"gate": "ready-pair"}},
                           {"id": "join", "type": "pair_node"}],
                 "edges": [{"source": "fast", "source_handle": "output", "target": "join", "target_handle": "left"},
                           {"source": "src", "source_handle": "output", "target": "slow", "target_handle": "input"},
                           {"source": "slow", "source_handle": "output", "target": "join", "target_handle": "right"}]}
                """);
        long cycle = runNow("ready-pair");
        awaitTaskStatus("ready-pair", cycle, "fast", NodeTaskStatus.COMPLETED);
        awaitTaskStatus("ready-pair", cycle, "slow", NodeTaskStatus.RUNNING);
        // Failure mode 1: the early signal waits in the inbox; nothing runs on half its inputs.
        assertThat(task("ready-pair", cycle, "join").status()).isEqualTo(NodeTaskStatus.REGISTERED);

        Gates.open("ready-pair");

        assertThat(awaitEndStatus("ready-pair", cycle)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(Executions.count("ready-pair", cycle, "join")).isEqualTo(1);
        assertThat(Executions.inputs("ready-pair", cycle, "join")).isEqualTo(Map.of(
                "left", Map.of("side", "fast"), "right", Map.of("side", "slow")));
    }

    @Test
    void an_aggregate_handle_receives_a_map_keyed_by_source_handle() {
        register("ready-aggregate", """
                {"interval": 0,
                 "nodes": [{"id": "a", "type": "constant_node", "config": {"values": {"from": "a"}}},
                           {"id": "b", "type": "constant_node", "config": {"values": {"open": 1, "close": 2}}},
                           {"id": "up", "type": "condition_node", "config": {"expression": "input.close > input.open"}},
                           {"id": "agg", "type": "probe_node"}],
                 "edges": [{"source": "a", "source_handle": "output", "target": "agg", "target_handle": "input"},
                           {"source": "b", "source_handle": "output", "target": "up", "target_handle": "input"},
                           {"source": "up", "source_handle": "true", "target": "agg", "target_handle": "input"}]}
                """);
        long cycle = runNow("ready-aggregate");

        assertThat(awaitEndStatus("ready-aggregate", cycle)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(Executions.count("ready-aggregate", cycle, "agg")).isEqualTo(1);
        assertThat(Executions.inputs("ready-aggregate", cycle, "agg")).isEqualTo(Map.of("input", Map.of(
                "output", Map.of("from", "a"),
                "true", Map.of("open", 1, "close", 2))));
    }

    @Test
    void an_aggregate_handle_keys_by_source_node_and_handle_when_two_sources_share_a_handle_name() {
        register("ready-shared", """
                {"interval": 0,
                 "nodes": [{"id": "a", "type": "constant_node", "config": {"values": {"from": "a"}}},
                           {"id": "b", "type": "constant_node", "config": {"values": {"from": "b"}}},
                           {"id": "c", "type": "constant_node", "config": {"values": {"open": 2, "close": 1}}},
                           {"id": "down", "type": "condition_node", "config": {"expression": "input.close > input.open"}},
                           {"id": "agg", "type": "probe_node"}],
                 "edges": [{"source": "a", "source_handle": "output", "target": "agg", "target_handle": "input"},
                           {"source": "b", "source_handle": "output", "target": "agg", "target_handle": "input"},
                           {"source": "c", "source_handle": "output", "target": "down", "target_handle": "input"},
                           {"source": "down", "source_handle": "false", "target": "agg", "target_handle": "input"}]}
                """);
        long cycle = runNow("ready-shared");

        assertThat(awaitEndStatus("ready-shared", cycle)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(Executions.inputs("ready-shared", cycle, "agg")).isEqualTo(Map.of("input", Map.of(
                "a.output", Map.of("from", "a"),
                "b.output", Map.of("from", "b"),
                "false", Map.of("open", 2, "close", 1))));
    }

    @Test
    void one_source_handle_feeding_two_handles_of_one_target_delivers_both_in_one_wildcard_signal() {
        register("ready-wildcard", """
                {"interval": 0,
                 "nodes": [{"id": "a", "type": "constant_node", "config": {"values": {"v": 7}}},
                           {"id": "join", "type": "pair_node"}],
                 "edges": [{"source": "a", "source_handle": "output", "target": "join", "target_handle": "left"},
                           {"source": "a", "source_handle": "output", "target": "join", "target_handle": "right"}]}
                """);
        long cycle = runNow("ready-wildcard");

        assertThat(awaitEndStatus("ready-wildcard", cycle)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(Executions.count("ready-wildcard", cycle, "join")).isEqualTo(1);
        assertThat(Executions.inputs("ready-wildcard", cycle, "join")).isEqualTo(Map.of(
                "left", Map.of("v", 7), "right", Map.of("v", 7)));
        var signals = journal.signals(FlowId.of("ready-wildcard"), cycle, 100, 0).items();
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.sourceNode()).isEqualTo("a");
            assertThat(s.targetNode()).isEqualTo("join");
            assertThat(s.targetHandle()).isEqualTo("*");
        });
    }

    @Test
    void duplicate_and_concurrent_signals_trigger_a_node_at_most_once() throws Exception {
        register("ready-dup", """
                {"interval": 0,
                 "nodes": [{"id": "src", "type": "gate_node", "config": {"gate": "ready-dup"}},
                           {"id": "sink", "type": "probe_node"}],
                 "edges": [{"source": "src", "source_handle": "output", "target": "sink", "target_handle": "input"}]}
                """);
        long cycle = runNow("ready-dup");
        awaitTaskStatus("ready-dup", cycle, "src", NodeTaskStatus.RUNNING);

        // Thirty-two copies of the signal src will send, delivered at once from as many threads
        // (a redelivering broker), while src is still running.
        SignalRoute route = SignalRoute.to(FlowId.of("ready-dup"), ComponentId.of(0), CycleNumber.of(cycle),
                NodeId.of("src"), HandleName.of("output"), NodeId.of("sink"), HandleName.of("input"));
        Signal signal = Signal.of(SignalType.DATA_READY, Map.of("copy", true), clock.instant());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> deliveries = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < 32; i++) {
                deliveries.add(threads.submit(() -> {
                    go.await();
                    execution.receive(route, signal);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> delivery : deliveries) {
                delivery.get();
            }
        }
        awaitTaskStatus("ready-dup", cycle, "sink", NodeTaskStatus.COMPLETED);

        Gates.open("ready-dup");

        assertThat(awaitEndStatus("ready-dup", cycle)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(Executions.count("ready-dup", cycle, "sink")).isEqualTo(1);
        assertThat(task("ready-dup", cycle, "sink").attempts()).isEqualTo(1);
    }
}
