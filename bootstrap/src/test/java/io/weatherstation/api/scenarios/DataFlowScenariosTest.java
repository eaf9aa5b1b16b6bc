package io.weatherstation.api.scenarios;

import static io.weatherstation.api.Flows.edge;
import static io.weatherstation.api.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How values travel: a chain, a fan-out into an aggregate handle, and a branch. */
class DataFlowScenariosTest extends ScenarioSupport {

    @Test
    void a_linear_chain_passes_each_output_on_to_the_next_node() {
        // constant → code → code → code, and a relay after the last code node so that its output
        // is sent as a signal too.
        String id = register("chain", Map.of("name", "chain", "nodes", List.of(
                        node("quote", "constant_node", Map.of("values", Map.of("price", 100, "qty", 3))),
                        node("notional", "code_node", Map.of("expression",
                                "{'notional': input.output.price * input.output.qty}")),
                        node("doubled", "code_node", Map.of("expression",
                                "{'notional': input.output_data.notional, 'doubled': input.output_data.notional * 2}")),
                        node("total", "code_node", Map.of("expression",
                                "{'total': input.output_data.notional + input.output_data.doubled}")),
                        node("sink", "delay_node", Map.of("seconds", 0))),
                "edges", List.of(
                        edge("quote", "output", "notional", "input_data"),
                        edge("notional", "output_data", "doubled", "input_data"),
                        edge("doubled", "output_data", "total", "input_data"),
                        edge("total", "output_data", "sink", "input"))));

        long number = runCycle(id);
        JsonNode cycle = awaitCycleEnd(id, number);

        assertThat(cycle.path("status").asString()).isEqualTo("completed");
        assertThat(statuses(cycle)).containsExactly(entry("quote", "completed"), entry("notional", "completed"),
                entry("doubled", "completed"), entry("total", "completed"), entry("sink", "completed"));
        assertThat(cycle.path("statistics").path("completed").asInt()).isEqualTo(5);
        List<JsonNode> signals = signals(id, number);
        assertThat(signals).extracting(ScenarioSupport::route).containsExactly(
                "quote.output->notional.input_data",
                "notional.output_data->doubled.input_data",
                "doubled.output_data->total.input_data",
                "total.output_data->sink.input");
        assertThat(signals).allSatisfy(s -> {
            assertThat(s.path("flow_id").asString()).isEqualTo(id);
            assertThat(s.path("cycle").asLong()).isEqualTo(number);
            assertThat(s.path("component_id").asInt()).isZero();
        });
        assertThat(signals).extracting(s -> s.path("signal_type").asString())
                .containsExactly("DATA_READY", "CODE_OUTPUT", "CODE_OUTPUT", "CODE_OUTPUT");
        assertThat(signals.get(0).path("payload")).isEqualTo(json("{\"price\":100,\"qty\":3}"));
        assertThat(signals.get(1).path("payload")).isEqualTo(json("{\"notional\":300}"));
        assertThat(signals.get(2).path("payload")).isEqualTo(json("{\"notional\":300,\"doubled\":600}"));
        assertThat(signals.get(3).path("payload")).isEqualTo(json("{\"total\":900}"));
        for (String node : List.of("quote", "notional", "doubled", "total", "sink")) {
            assertThat(messages(logs(id, number, node))).as(node).singleElement()
                    .satisfies(m -> assertThat(m).startsWith("completed in "));
        }
    }

    @Test
    void a_fan_out_joins_again_on_an_aggregate_handle_keyed_by_source() {
        // one constant → five code nodes → one code node whose aggregate input_data receives all
        // five outputs; they share the handle name output_data, so the keys are node.handle.
        List<String> legs = List.of("m1", "m2", "m3", "m4", "m5");
        List<Map<String, Object>> nodes = new java.util.ArrayList<>();
        List<Map<String, Object>> edges = new java.util.ArrayList<>();
        nodes.add(node("base", "constant_node", Map.of("values", Map.of("x", 10))));
        for (int k = 1; k <= legs.size(); k++) {
            String leg = legs.get(k - 1);
            nodes.add(node(leg, "code_node", Map.of("expression", "{'y': input.output.x * " + k + "}")));
            edges.add(edge("base", "output", leg, "input_data"));
            edges.add(edge(leg, "output_data", "join", "input_data"));
        }
        nodes.add(node("join", "code_node", Map.of("expression", "{'received': input, 'sum': "
                + String.join(" + ", legs.stream().map(l -> "input['" + l + ".output_data'].y").toList()) + "}")));
        nodes.add(node("sink", "delay_node", Map.of("seconds", 0)));
        edges.add(edge("join", "output_data", "sink", "input"));
        String id = register("fan", Map.of("name", "fan-out fan-in", "nodes", nodes, "edges", edges));

        long number = runCycle(id);
        JsonNode cycle = awaitCycleEnd(id, number);

        assertThat(cycle.path("status").asString()).isEqualTo("completed");
        assertThat(statuses(cycle).values()).hasSize(8).containsOnly("completed");
        List<JsonNode> signals = signals(id, number);
        assertThat(signals).extracting(ScenarioSupport::route).containsExactlyInAnyOrder(
                "base.output->m1.input_data", "base.output->m2.input_data", "base.output->m3.input_data",
                "base.output->m4.input_data", "base.output->m5.input_data",
                "m1.output_data->join.input_data", "m2.output_data->join.input_data",
                "m3.output_data->join.input_data", "m4.output_data->join.input_data",
                "m5.output_data->join.input_data",
                "join.output_data->sink.input");
        for (int k = 1; k <= legs.size(); k++) {
            assertThat(signal(signals, legs.get(k - 1), "join").path("payload").path("y").asLong()).isEqualTo(10L * k);
        }
        JsonNode joined = signal(signals, "join", "sink").path("payload");
        assertThat(joined.path("received").propertyNames()).containsExactlyInAnyOrder(
                "m1.output_data", "m2.output_data", "m3.output_data", "m4.output_data", "m5.output_data");
        assertThat(joined.path("received").path("m3.output_data")).isEqualTo(json("{\"y\":30}"));
        assertThat(joined.path("sum").asLong()).isEqualTo(150);
        assertThat(taskOf(cycle, "join").path("attempts").asInt()).as("the join ran once").isEqualTo(1);
    }

    @Test
    void a_branch_runs_the_true_side_and_skips_the_false_side_transitively() {
        String id = register("branch", Map.of("name", "branch", "nodes", List.of(
                        node("quote", "constant_node", Map.of("values", Map.of("open", 1, "close", 2))),
                        node("rising", "condition_node", Map.of("expression", "input.close > input.open")),
                        node("buy", "code_node", Map.of("expression", "{'amount': input['true'].close * 10}")),
                        node("confirm", "code_node", Map.of("expression", "{'ok': input.output_data.amount == 20}")),
                        node("sell", "code_node", Map.of("expression", "{'sold': true}")),
                        node("notify", "code_node", Map.of("expression", "{'told': true}")),
                        node("archive", "code_node", Map.of("expression", "{'kept': true}"))),
                "edges", List.of(
                        edge("quote", "output", "rising", "input"),
                        edge("rising", "true", "buy", "input_data"),
                        edge("buy", "output_data", "confirm", "input_data"),
                        edge("rising", "false", "sell", "input_data"),
                        edge("sell", "output_data", "notify", "input_data"),
                        edge("notify", "output_data", "archive", "input_data"))));

        long number = runCycle(id);
        JsonNode cycle = awaitCycleEnd(id, number);

        assertThat(cycle.path("status").asString()).isEqualTo("completed");
        assertThat(statuses(cycle)).containsExactly(entry("quote", "completed"), entry("rising", "completed"),
                entry("buy", "completed"), entry("confirm", "completed"), entry("sell", "skipped"),
                entry("notify", "skipped"), entry("archive", "skipped"));
        for (String skipped : List.of("sell", "notify", "archive")) {
            JsonNode task = taskOf(cycle, skipped);
            assertThat(task.path("message").asString()).as(skipped).isEqualTo("upstream_skipped");
            assertThat(task.path("attempts").asInt()).as(skipped + " never ran").isZero();
        }
        assertThat(cycle.path("statistics").path("skipped").asInt()).isEqualTo(3);
        List<JsonNode> signals = signals(id, number);
        assertThat(signals).extracting(ScenarioSupport::route).containsExactly(
                "quote.output->rising.input",
                "rising.true->buy.input_data",
                "buy.output_data->confirm.input_data");
        assertThat(signal(signals, "rising", "buy").path("payload")).isEqualTo(json("{\"open\":1,\"close\":2}"));
        assertThat(signal(signals, "buy", "confirm").path("payload").path("amount").asLong()).isEqualTo(20);
    }
}
