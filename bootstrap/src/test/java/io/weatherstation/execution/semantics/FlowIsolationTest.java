package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Executions;
import io.weatherstation.execution.support.Gates;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failure mode 8: run-time state is per flow and cycle, never per bare node id. */
class FlowIsolationTest extends EngineTestSupport {

    private static String flowWithPrice(String gate, String symbol) {
        return """
                {"interval": 0,
                 "nodes": [{"id": "price", "type": "gate_node", "config": {"gate": "%s"}},
                           {"id": "feed", "type": "constant_node", "config": {"values": {"symbol": "%s"}}},
                           {"id": "sink", "type": "probe_node"}],
                 "edges": [{"source": "feed", "source_handle": "output", "target": "price", "target_handle": "input"},
                           {"source": "price", "source_handle": "output", "target": "sink", "target_handle": "input"}]}
                """.formatted(gate, symbol);
    }

    @Test
    void two_flows_with_a_node_called_price_do_not_interfere() {
        register("iso-btc", flowWithPrice("iso-btc", "BTCUSDT"));
        register("iso-eth", flowWithPrice("iso-eth", "ETHUSDT"));
        long btc = runNow("iso-btc");
        long eth = runNow("iso-eth");
        awaitTaskStatus("iso-btc", btc, "price", NodeTaskStatus.RUNNING);
        awaitTaskStatus("iso-eth", eth, "price", NodeTaskStatus.RUNNING);

        // Stopping one flow's price task leaves the other's alone.
        execution.stop("iso-btc_" + btc + "_price", "operator asked");
        var btcDetails = awaitEnd("iso-btc", btc);
        assertThat(statuses(btcDetails)).containsExactly(
                entry("price", "terminated"), entry("feed", "completed"), entry("sink", "skipped"));
        assertThat(task("iso-eth", eth, "price").status()).isEqualTo(NodeTaskStatus.RUNNING);

        Gates.open("iso-eth");

        assertThat(awaitEndStatus("iso-eth", eth)).isEqualTo(CycleStatus.COMPLETED);
        assertThat(Executions.inputs("iso-eth", eth, "sink"))
                .isEqualTo(Map.of("input", Map.of("output", Map.of("symbol", "ETHUSDT"))));
        assertThat(Executions.count("iso-btc", btc, "sink")).isZero();
    }

    @Test
    void flows_sharing_node_ids_run_side_by_side_on_their_own_values() {
        for (String flow : new String[] {"iso-a", "iso-b", "iso-c"}) {
            register(flow, """
                    {"interval": 0,
                     "nodes": [{"id": "price", "type": "constant_node", "config": {"values": {"flow": "%s"}}},
                               {"id": "sink", "type": "probe_node"}],
                     "edges": [{"source": "price", "source_handle": "output", "target": "sink", "target_handle": "input"}]}
                    """.formatted(flow));
        }
        for (int round = 0; round < 5; round++) {
            for (String flow : new String[] {"iso-a", "iso-b", "iso-c"}) {
                runNow(flow);
            }
            for (String flow : new String[] {"iso-a", "iso-b", "iso-c"}) {
                awaitEnd(flow, round);
                assertThat(Executions.inputs(flow, round, "sink"))
                        .isEqualTo(Map.of("input", Map.of("output", Map.of("flow", flow))));
                assertThat(Executions.count(flow, round, "sink")).isEqualTo(1);
            }
        }
    }
}
