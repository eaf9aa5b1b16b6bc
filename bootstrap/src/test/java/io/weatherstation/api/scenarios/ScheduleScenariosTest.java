package io.weatherstation.api.scenarios;

import static io.weatherstation.api.Flows.edge;
import static io.weatherstation.api.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A flow's life over time: a periodic schedule, stopping with termination, replacing while running. */
class ScheduleScenariosTest extends ScenarioSupport {

    @Test
    void a_periodic_flow_runs_consecutive_cycles_until_it_is_stopped() {
        String id = register("periodic", Map.of("name", "periodic", "interval", 1, "nodes", List.of(
                        node("tick", "constant_node", Map.of("values", Map.of("t", 1))),
                        node("echo", "code_node", Map.of("expression", "{'t': input.output.t}"))),
                "edges", List.of(edge("tick", "output", "echo", "input_data"))));

        JsonNode started = start(id);

        assertThat(started.path("status").asString()).isEqualTo("running");
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            JsonNode third = cycleOrNull(id, 2);
            return third != null && third.path("status").asString().equals("completed");
        });
        Instant previousStart = null;
        for (long n = 0; n <= 2; n++) {
            JsonNode cycle = cycle(id, n);
            assertThat(cycle.path("cycle").asLong()).isEqualTo(n);
            assertThat(cycle.path("status").asString()).as("cycle " + n).isEqualTo("completed");
            assertThat(statuses(cycle)).containsExactly(entry("tick", "completed"), entry("echo", "completed"));
            assertThat(signals(id, n)).extracting(ScenarioSupport::route).containsExactly("tick.output->echo.input_data");
            Instant startTime = Instant.parse(cycle.path("start_time").asString());
            if (previousStart != null) {
                assertThat(Duration.between(previousStart, startTime)).as("cycle " + n + " one interval after cycle " + (n - 1))
                        .isPositive().isLessThan(Duration.ofMillis(2_500));
            }
            previousStart = startTime;
        }

        JsonNode stopped = stop(id, false);

        assertThat(stopped.path("status").asString()).isEqualTo("stopped");
        long last = stopped.path("last_cycle").asLong();
        assertThat(last).isGreaterThanOrEqualTo(2);
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode flow = flow(id);
                    return flow.path("status").asString().equals("stopped") && flow.path("last_cycle").asLong() == last;
                });
        assertThat(cycleOrNull(id, last + 1)).as("no cycle after the stop").isNull();
        JsonNode flow = flow(id);
        assertThat(flow.path("next_execution").isNull()).isTrue();
        JsonNode listed = api.get(flows(id) + "/cycles?limit=1000").json().path("cycles");
        assertThat(listed.values()).extracting(c -> c.path("cycle").asLong())
                .as("consecutive numbers, none skipped or repeated")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, last).map(n -> last - n)
                        .boxed().toList());
        JsonNode lastCycle = awaitCycleEnd(id, last);
        assertThat(lastCycle.path("status").asString()).as("the cycle running at the stop ran to its end")
                .isEqualTo("completed");
    }

    @Test
    void stopping_a_flow_with_termination_ends_its_running_node_and_cycle_promptly() {
        String id = register("terminate", Map.of("name", "terminate", "interval", 0, "nodes", List.of(
                        node("quote", "constant_node", Map.of("values", Map.of("price", 5))),
                        node("wait", "delay_node", Map.of("seconds", 10)),
                        node("after", "code_node", Map.of("expression", "{'after': true}"))),
                "edges", List.of(
                        edge("quote", "output", "wait", "input"),
                        edge("wait", "output", "after", "input_data"))));
        start(id);
        String wait = id + "_0_wait";
        awaitTask(wait, "running");

        JsonNode stopped = stop(id, true);

        assertThat(stopped.path("status").asString()).isEqualTo("stopped");
        JsonNode cycle = awaitCycleEnd(id, 0);
        assertThat(cycle.path("status").asString()).isEqualTo("terminated");
        assertThat(cycle.path("termination_requested").asBoolean()).isTrue();
        assertThat(duration(cycle)).as("the 10 s delay was cut short").isLessThan(Duration.ofSeconds(5));
        assertThat(statuses(cycle)).containsExactly(entry("quote", "completed"), entry("wait", "terminated"),
                entry("after", "terminated"));
        assertThat(taskOf(cycle, "wait").path("message").asString()).isNotBlank();
        assertThat(taskOf(cycle, "after").path("message").asString()).isEqualTo("flow stopped with termination");
        JsonNode flow = flow(id);
        assertThat(flow.path("status").asString()).as("nothing writes running back").isEqualTo("stopped");
        assertThat(flow.path("last_cycle").asLong()).isZero();
        assertThat(signals(id, 0)).extracting(ScenarioSupport::route).containsExactly("quote.output->wait.input");
    }

    @Test
    void replacing_a_running_flow_lets_the_running_cycle_finish_on_the_old_definition() {
        String id = register("replace", versioned(1));
        long versionBefore = flow(id).path("definition_version").asLong();
        start(id);
        awaitTask(id + "_0_wait", "running");

        Response replaced = api.post(flows(id), versioned(2));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("last_cycle").asLong()).as("last_cycle kept").isZero();
        assertThat(replaced.json().path("definition_version").asLong())
                .isGreaterThan(versionBefore);
        assertThat(cycle(id, 0).path("status").asString()).as("cycle 0 still runs").isEqualTo("running");
        JsonNode afterReplace = flow(id);
        assertThat(afterReplace.path("status").asString()).isEqualTo("running");
        assertThat(afterReplace.path("last_cycle").asLong()).isZero();

        JsonNode first = awaitCycleEnd(id, 0);
        assertThat(first.path("status").asString()).isEqualTo("completed");
        assertThat(statuses(first)).containsExactly(entry("source", "completed"), entry("wait", "completed"),
                entry("report", "completed"));
        assertThat(signal(signals(id, 0), "wait", "report").path("payload")).isEqualTo(json("{\"version\":1}"));
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            JsonNode second = cycleOrNull(id, 1);
            return second != null && second.path("status").asString().equals("completed");
        });
        assertThat(Duration.between(Instant.parse(first.path("start_time").asString()),
                Instant.parse(cycle(id, 1).path("start_time").asString())))
                .as("cycle 1 keeps to the schedule (2 s after cycle 0), the replacement does not delay it")
                .isBetween(Duration.ofSeconds(1), Duration.ofMillis(3_000));
        assertThat(statuses(cycle(id, 1))).containsExactly(entry("source", "completed"), entry("wait", "completed"),
                entry("summary", "completed"));
        List<JsonNode> second = signals(id, 1);
        assertThat(signal(second, "source", "wait").path("payload")).isEqualTo(json("{\"version\":2}"));
        assertThat(signal(second, "wait", "summary").path("payload")).isEqualTo(json("{\"version\":2}"));
        JsonNode stopped = stop(id, true);
        assertThat(stopped.path("last_cycle").asLong()).as("numbering continued, never reset").isGreaterThanOrEqualTo(1);
    }

    /**
     * source (version) → wait (1.5 s) → a reporting node, every 2 s; version 1 names it
     * {@code report}, later versions {@code summary}, so a cycle shows which definition it ran.
     */
    private static Map<String, Object> versioned(int version) {
        String reporter = version == 1 ? "report" : "summary";
        return Map.of("name", "replace v" + version, "interval", 2, "max_concurrent_cycles", 1, "nodes", List.of(
                        node("source", "constant_node", Map.of("values", Map.of("version", version))),
                        node("wait", "delay_node", Map.of("seconds", 1.5)),
                        node(reporter, "code_node", Map.of("expression", "{'seen': input.output.version}"))),
                "edges", List.of(
                        edge("source", "output", "wait", "input"),
                        edge("wait", "output", reporter, "input_data")));
    }
}
