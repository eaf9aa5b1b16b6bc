package io.weatherstation.api.scenarios;

import static io.weatherstation.api.Flows.edge;
import static io.weatherstation.api.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What ends a node early: a component stop, failures with retries, a timeout, a user's stop request. */
class StopAndFailureScenariosTest extends ScenarioSupport {

    @Test
    void a_stop_in_one_component_terminates_the_rest_of_it_and_leaves_the_other_alone() {
        // component 0: quote → gate (stop mode, not met) → after → report, and quote → slow (10 s)
        // running beside the gate; component 1: an independent chain.
        String id = register("component-stop", Map.of("name", "component stop", "nodes", List.of(
                        node("quote", "constant_node", Map.of("values", Map.of("price", 5))),
                        node("gate", "condition_node", Map.of("expression", "input.price > 10", "mode", "stop")),
                        node("after", "delay_node", Map.of("seconds", 1)),
                        node("report", "code_node", Map.of("expression", "{'reported': true}")),
                        node("slow", "delay_node", Map.of("seconds", 10)),
                        node("other", "constant_node", Map.of("values", Map.of("n", 7))),
                        node("other_sum", "code_node", Map.of("expression", "{'n': input.output.n + 1}")),
                        node("other_sink", "delay_node", Map.of("seconds", 0))),
                "edges", List.of(
                        edge("quote", "output", "gate", "input"),
                        edge("gate", "true", "after", "input"),
                        edge("after", "output", "report", "input_data"),
                        edge("quote", "output", "slow", "input"),
                        edge("other", "output", "other_sum", "input_data"),
                        edge("other_sum", "output_data", "other_sink", "input"))));
        assertThat(flow(id).path("structure").path("component_count").asInt()).isEqualTo(2);

        long number = runCycle(id);
        JsonNode cycle = awaitCycleEnd(id, number);

        assertThat(cycle.path("status").asString()).isEqualTo("completed");
        assertThat(duration(cycle)).as("the 10 s delay was cut short").isLessThan(Duration.ofSeconds(5));
        assertThat(statuses(cycle)).containsExactly(entry("quote", "completed"), entry("gate", "completed"),
                entry("after", "terminated"), entry("report", "terminated"), entry("slow", "terminated"),
                entry("other", "completed"), entry("other_sum", "completed"), entry("other_sink", "completed"));
        String reason = "execution stopped by node gate: condition not met: input.price > 10";
        for (String node : List.of("after", "report", "slow")) {
            assertThat(taskOf(cycle, node).path("message").asString()).as(node).isEqualTo(reason);
        }
        JsonNode stops = cycle.path("component_stops");
        assertThat(stops.size()).isEqualTo(1);
        assertThat(stops.get(0).path("component_id").asInt()).isZero();
        assertThat(stops.get(0).path("source_node").asString()).isEqualTo("gate");
        assertThat(stops.get(0).path("reason").asString()).isEqualTo("condition not met: input.price > 10");
        List<JsonNode> signals = signals(id, number);
        assertThat(signals).extracting(ScenarioSupport::route).contains(
                "quote.output->gate.input", "other.output->other_sum.input_data",
                "other_sum.output_data->other_sink.input");
        assertThat(signals).extracting(ScenarioSupport::route).filteredOn(r -> r.startsWith("gate."))
                .as("the stop requester sends no data, and its STOP_EXECUTION broadcast is recorded once")
                .containsExactly("gate.STOP_EXECUTION->*.*");
        assertThat(signal(signals, "other_sum", "other_sink").path("payload").path("n").asLong()).isEqualTo(8);
        assertThat(signal(signals, "other_sum", "other_sink").path("component_id").asInt()).isEqualTo(1);
        assertThat(messages(logs(id, number, "gate")))
                .contains("stopped execution of component 0: condition not met: input.price > 10");
    }

    @Test
    void a_failing_node_is_retried_then_fails_and_skips_only_what_is_downstream_of_it() {
        Map<String, Object> boom = node("boom", "fail_node", Map.of("message", "exchange down"));
        boom.put("retry", Map.of("max_attempts", 3, "backoff_seconds", 0.1));
        String id = register("failing", Map.of("name", "failing", "nodes", List.of(
                        node("quote", "constant_node", Map.of("values", Map.of("price", 5))),
                        boom,
                        node("use", "code_node", Map.of("expression", "{'used': true}")),
                        node("further", "code_node", Map.of("expression", "{'further': true}")),
                        node("beside", "code_node", Map.of("expression", "{'beside': input.output.price}"))),
                "edges", List.of(
                        edge("quote", "output", "boom", "input"),
                        edge("boom", "output", "use", "input_data"),
                        edge("use", "output_data", "further", "input_data"),
                        edge("quote", "output", "beside", "input_data"))));

        long number = runCycle(id);
        JsonNode cycle = awaitCycleEnd(id, number);

        assertThat(cycle.path("status").asString()).isEqualTo("failed");
        assertThat(statuses(cycle)).containsExactly(entry("quote", "completed"), entry("boom", "failed"),
                entry("use", "skipped"), entry("further", "skipped"), entry("beside", "completed"));
        JsonNode failed = taskOf(cycle, "boom");
        assertThat(failed.path("message").asString()).isEqualTo("exchange down");
        assertThat(failed.path("attempts").asInt()).isEqualTo(3);
        assertThat(taskOf(cycle, "use").path("message").asString()).isEqualTo("upstream_failed");
        assertThat(taskOf(cycle, "further").path("message").asString()).isEqualTo("upstream_failed");
        assertThat(duration(cycle)).as("two backoffs of 0.1 s and 0.2 s were waited out")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        List<JsonNode> attempts = logs(id, number, "boom");
        assertThat(messages(attempts)).containsExactly(
                "attempt 1 failed: exchange down; retrying in 100 ms",
                "attempt 2 failed: exchange down; retrying in 200 ms",
                "failed: exchange down");
        assertThat(attempts).extracting(l -> l.path("log_level").asString())
                .containsExactly("WARNING", "WARNING", "ERROR");
        assertThat(signals(id, number)).extracting(ScenarioSupport::route)
                .containsExactlyInAnyOrder("quote.output->boom.input", "quote.output->beside.input_data");
        JsonNode status = api.get(flows(id) + "/status?cycle=" + number).json();
        assertThat(status.path("cycle_status").asString()).isEqualTo("failed");
        JsonNode statistics = status.path("statistics");
        assertThat(statistics.path("total").asInt()).isEqualTo(5);
        assertThat(statistics.path("completed").asInt()).isEqualTo(2);
        assertThat(statistics.path("failed").asInt()).isEqualTo(1);
        assertThat(statistics.path("skipped").asInt()).isEqualTo(2);
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() ->
                assertThat(messages(logs(id, number, "system"))).anyMatch(m -> m.startsWith("cycle " + number + " failed")));
    }

    @Test
    void a_node_over_its_timeout_is_interrupted_and_fails_promptly() {
        Map<String, Object> slow = node("slow", "delay_node", Map.of("seconds", 30));
        slow.put("timeout_seconds", 1);
        String id = register("timeout", Map.of("name", "timeout", "nodes", List.of(
                        slow, node("after", "code_node", Map.of("expression", "{'after': true}"))),
                "edges", List.of(edge("slow", "output", "after", "input_data"))));

        long number = runCycle(id);
        JsonNode cycle = awaitCycleEnd(id, number);

        assertThat(cycle.path("status").asString()).isEqualTo("failed");
        assertThat(statuses(cycle)).containsExactly(entry("slow", "failed"), entry("after", "skipped"));
        assertThat(taskOf(cycle, "slow").path("message").asString()).contains("timed out");
        assertThat(taskOf(cycle, "after").path("message").asString()).isEqualTo("upstream_failed");
        assertThat(duration(cycle)).as("failed at the 1 s timeout, not after the 30 s delay")
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(messages(logs(id, number, "slow"))).anyMatch(m -> m.startsWith("failed: timed out"));
    }

    @Test
    void a_user_stops_one_running_node_task_and_the_cycle_ends_without_it() {
        String id = register("task-stop", Map.of("name", "task stop", "nodes", List.of(
                        node("quote", "constant_node", Map.of("values", Map.of("price", 5))),
                        node("wait", "delay_node", Map.of("seconds", 10)),
                        node("after", "code_node", Map.of("expression", "{'after': true}")),
                        node("further", "code_node", Map.of("expression", "{'further': true}")),
                        node("beside", "code_node", Map.of("expression", "{'beside': true}"))),
                "edges", List.of(
                        edge("quote", "output", "wait", "input"),
                        edge("wait", "output", "after", "input_data"),
                        edge("after", "output_data", "further", "input_data"),
                        edge("quote", "output", "beside", "input_data"))));
        long number = runCycle(id);
        String wait = id + "_" + number + "_wait";
        awaitTask(wait, "running");

        Response stop = api.post("/api/v1/node-tasks/" + wait + "/stop");

        assertThat(stop.status()).as(stop.body()).isEqualTo(202);
        assertThat(stop.json().path("node_task_id").asString()).isEqualTo(wait);
        assertThat(stop.json().path("status").asString()).isIn("running", "terminated");
        JsonNode cycle = awaitCycleEnd(id, number);
        assertThat(duration(cycle)).as("the 10 s delay was cut short").isLessThan(Duration.ofSeconds(5));
        assertThat(cycle.path("status").asString()).isEqualTo("completed");
        assertThat(cycle.path("termination_requested").asBoolean()).isFalse();
        assertThat(statuses(cycle)).containsExactly(entry("quote", "completed"), entry("wait", "terminated"),
                entry("after", "skipped"), entry("further", "skipped"), entry("beside", "completed"));
        assertThat(task(wait).path("message").asString()).isEqualTo("stopped by user request");
        assertThat(taskOf(cycle, "after").path("message").asString()).isEqualTo("upstream_skipped");
        assertThat(messages(logs(id, number, "wait"))).contains("terminated: stopped by user request");
        assertThat(signals(id, number)).extracting(ScenarioSupport::route)
                .containsExactlyInAnyOrder("quote.output->wait.input", "quote.output->beside.input_data");
    }

    @Test
    void a_node_task_stopped_while_it_waits_for_a_retry_is_not_run_again() {
        Map<String, Object> boom = node("boom", "fail_node", Map.of("message", "exchange down"));
        boom.put("retry", Map.of("max_attempts", 5, "backoff_seconds", 1));
        String id = register("retry-stop", Map.of("name", "retry stop", "nodes", List.of(
                        node("quote", "constant_node", Map.of("values", Map.of("price", 5))),
                        boom,
                        node("after", "code_node", Map.of("expression", "{'after': true}"))),
                "edges", List.of(
                        edge("quote", "output", "boom", "input"),
                        edge("boom", "output", "after", "input_data"))));
        long number = runCycle(id);
        String task = id + "_" + number + "_boom";
        await().atMost(PATIENCE).pollInterval(POLL).until(() ->
                task(task).path("status").asString().equals("pending") && task(task).path("attempts").asInt() == 1);

        Response stop = api.post("/api/v1/node-tasks/" + task + "/stop");

        assertThat(stop.status()).as(stop.body()).isEqualTo(202);
        assertThat(stop.json().path("status").asString()).as("not running: terminated at once").isEqualTo("terminated");
        JsonNode cycle = awaitCycleEnd(id, number);
        assertThat(cycle.path("status").asString()).isEqualTo("completed");
        assertThat(statuses(cycle)).containsExactly(entry("quote", "completed"), entry("boom", "terminated"),
                entry("after", "skipped"));
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> task(task).path("status").asString().equals("terminated")
                        && task(task).path("attempts").asInt() == 1);
        assertThat(messages(logs(id, number, "boom"))).containsExactly(
                "attempt 1 failed: exchange down; retrying in 1000 ms", "terminated: stopped by user request");
    }
}
