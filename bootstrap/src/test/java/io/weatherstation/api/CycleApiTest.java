package io.weatherstation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Cycles, their node tasks, status, logs and signals through the HTTP API, against the running station. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CycleApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** Registers the branching flow, runs one cycle and waits for its end; returns the flow id. */
    private String ranOnce(String prefix) {
        String id = Api.uniqueId(prefix);
        api.register(id, Flows.branching());
        Response started = api.post("/api/v1/flows/" + id + "/cycles");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("cycle").asLong()).isZero();
        awaitEnd(id, 0);
        return id;
    }

    private JsonNode awaitEnd(String flowId, long cycle) {
        String path = "/api/v1/flows/" + flowId + "/cycles/" + cycle;
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> !api.get(path).json().path("status").asString().equals("running"));
        return api.get(path).json();
    }

    @Test
    void runs_a_cycle_now_and_shows_it_with_every_node_task() {
        String id = Api.uniqueId("cycle");
        api.register(id, Flows.branching());

        Response started = api.post("/api/v1/flows/" + id + "/cycles");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("flow_id").asString()).isEqualTo(id);
        assertThat(started.location()).isEqualTo("/api/v1/flows/" + id + "/cycles/0");
        JsonNode cycle = awaitEnd(id, 0);
        assertThat(cycle.path("status").asString()).isEqualTo("completed");
        assertThat(cycle.path("cycle").asLong()).isZero();
        assertThat(cycle.path("start_time").asString()).isNotBlank();
        assertThat(cycle.path("end_time").asString()).isNotBlank();
        assertThat(cycle.path("termination_requested").asBoolean()).isFalse();
        assertThat(cycle.path("component_stops").size()).isZero();
        assertThat(cycle.path("statistics").path("total").asInt()).isEqualTo(4);
        JsonNode tasks = cycle.path("node_tasks");
        assertThat(tasks.values()).extracting(t -> t.path("node_id").asString() + ":" + t.path("status").asString())
                .containsExactly("a:completed", "b:completed", "c:completed", "d:skipped");
        JsonNode first = tasks.get(0);
        assertThat(first.path("node_task_id").asString()).isEqualTo(id + "_0_a");
        assertThat(first.path("node_type").asString()).isEqualTo("constant_node");
        assertThat(first.path("component_id").asInt()).isZero();
        assertThat(first.path("attempts").asInt()).isEqualTo(1);
        assertThat(first.path("worker_id").asString()).isNotBlank();
        assertThat(first.path("progress").asInt()).isEqualTo(100);
        assertThat(first.path("registered_at").asString()).isNotBlank();
        assertThat(first.path("updated_at").asString()).isNotBlank();
        assertThat(tasks.get(3).path("message").asString()).isNotBlank();

        JsonNode flow = api.get("/api/v1/flows/" + id).json();
        assertThat(flow.path("last_cycle").asLong()).isZero();
        assertThat(flow.path("current_cycle").path("cycle").asLong()).isZero();
        assertThat(flow.path("current_cycle").path("status").asString()).isEqualTo("completed");
    }

    @Test
    void lists_recent_cycles_newest_first() {
        String id = ranOnce("cycles");
        api.post("/api/v1/flows/" + id + "/cycles");
        awaitEnd(id, 1);

        JsonNode all = api.get("/api/v1/flows/" + id + "/cycles").json();
        JsonNode one = api.get("/api/v1/flows/" + id + "/cycles?limit=1").json();

        assertThat(all.path("flow_id").asString()).isEqualTo(id);
        assertThat(all.path("cycles").values()).extracting(c -> c.path("cycle").asLong()).containsExactly(1L, 0L);
        assertThat(all.path("cycles").get(0).path("status").asString()).isEqualTo("completed");
        assertThat(one.path("cycles").values()).extracting(c -> c.path("cycle").asLong()).containsExactly(1L);
    }

    @Test
    void reports_comprehensive_status_with_statistics() {
        String id = Api.uniqueId("status");
        api.register(id, Flows.branching());

        JsonNode before = api.get("/api/v1/flows/" + id + "/status").json();
        assertThat(before.path("flow_status").asString()).isEqualTo("registered");
        assertThat(before.path("cycle").isNull()).isTrue();
        assertThat(before.path("statistics").path("total").asInt()).isZero();

        api.post("/api/v1/flows/" + id + "/cycles");
        awaitEnd(id, 0);
        JsonNode latest = api.get("/api/v1/flows/" + id + "/status").json();
        JsonNode asked = api.get("/api/v1/flows/" + id + "/status?cycle=0").json();

        assertThat(latest).isEqualTo(asked);
        assertThat(latest.path("cycle").asLong()).isZero();
        assertThat(latest.path("cycle_status").asString()).isEqualTo("completed");
        assertThat(latest.path("last_cycle").asLong()).isZero();
        JsonNode statistics = latest.path("statistics");
        assertThat(statistics.path("total").asInt()).isEqualTo(4);
        assertThat(statistics.path("completed").asInt()).isEqualTo(3);
        assertThat(statistics.path("skipped").asInt()).isEqualTo(1);
        for (String status : List.of("registered", "pending", "running", "failed", "terminated")) {
            assertThat(statistics.path(status).asInt()).as(status).isZero();
        }
        assertThat(latest.path("nodes").values()).extracting(n -> n.path("node_id").asString())
                .containsExactly("a", "b", "c", "d");
        api.get("/api/v1/flows/" + id + "/status?cycle=7").problem(404, "cycle_not_found");
        api.get("/api/v1/flows/" + id + "/status?cycle=-1").problem(400, "invalid_parameter");
    }

    @Test
    void an_unknown_cycle_is_404_and_a_bad_cycle_number_400() {
        String id = ranOnce("unknown-cycle");

        JsonNode problem = api.get("/api/v1/flows/" + id + "/cycles/5").problem(404, "cycle_not_found");
        assertThat(problem.path("cycle").asLong()).isEqualTo(5);
        api.get("/api/v1/flows/" + id + "/cycles/5/logs").problem(404, "cycle_not_found");
        api.get("/api/v1/flows/" + id + "/cycles/5/signals").problem(404, "cycle_not_found");
        api.get("/api/v1/flows/" + id + "/cycles/abc").problem(400, "invalid_id");
        api.get("/api/v1/flows/" + id + "/cycles/-1").problem(400, "invalid_id");
    }

    @Test
    void refuses_a_cycle_while_the_only_allowed_one_still_runs() {
        String id = Api.uniqueId("overlap");
        api.register(id, Flows.slow(30));
        assertThat(api.post("/api/v1/flows/" + id + "/cycles").status()).isEqualTo(202);

        JsonNode refused = api.post("/api/v1/flows/" + id + "/cycles").problem(409, "cycle_refused");

        assertThat(refused.path("flow_id").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/flows/" + id).json().path("last_cycle").asLong()).isZero();
        assertThat(api.delete("/api/v1/flows/" + id).status()).isEqualTo(204);
    }

    @Test
    void pages_the_logs_and_signals_of_a_cycle() {
        String id = ranOnce("journal");

        JsonNode logs = api.get("/api/v1/flows/" + id + "/cycles/0/logs").json();
        assertThat(logs.path("items").size()).isPositive();
        long total = logs.path("pagination").path("total").asLong();
        assertThat(total).isEqualTo(logs.path("items").size());
        assertThat(logs.path("pagination").path("has_more").asBoolean()).isFalse();
        JsonNode line = logs.path("items").get(0);
        assertThat(line.path("flow_id").asString()).isEqualTo(id);
        assertThat(line.path("cycle").asLong()).isZero();
        assertThat(line.path("log_level").asString()).isIn("DEBUG", "INFO", "WARNING", "ERROR");
        assertThat(line.path("log_source").asString()).isIn("scheduler", "node", "system", "user");
        assertThat(line.path("created_at").asString()).isNotBlank();

        JsonNode firstPage = api.get("/api/v1/flows/" + id + "/cycles/0/logs?limit=1&offset=0").json();
        assertThat(firstPage.path("items").size()).isEqualTo(1);
        assertThat(firstPage.path("pagination").path("limit").asInt()).isEqualTo(1);
        assertThat(firstPage.path("pagination").path("has_more").asBoolean()).isEqualTo(total > 1);

        JsonNode nodeA = api.get("/api/v1/flows/" + id + "/cycles/0/logs?node_id=a&log_source=node").json();
        assertThat(nodeA.path("items").values()).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("node_id").asString()).isEqualTo("a"));
        JsonNode system = api.get("/api/v1/flows/" + id + "/cycles/0/logs?node_id=system").json();
        assertThat(system.path("items").values()).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("node_id").isNull()).isTrue());
        JsonNode newestFirst = api.get("/api/v1/flows/" + id
                + "/cycles/0/logs?order_by=created_at&order_direction=desc").json();
        assertThat(newestFirst.path("items").get(0).path("created_at").asString())
                .isGreaterThanOrEqualTo(newestFirst.path("items").get((int) total - 1).path("created_at").asString());

        JsonNode signals = api.get("/api/v1/flows/" + id + "/cycles/0/signals").json();
        assertThat(signals.path("items").values()).extracting(s -> s.path("source_node").asString() + "."
                        + s.path("source_handle").asString() + "->" + s.path("target_node").asString())
                .containsExactlyInAnyOrder("a.output->b", "b.true->c");
        JsonNode signal = signals.path("items").get(0);
        assertThat(signal.path("signal_type").asString()).isNotBlank();
        assertThat(signal.path("payload").isObject()).isTrue();
        assertThat(signal.path("component_id").asInt()).isZero();
        assertThat(signals.path("pagination").path("total").asLong()).isEqualTo(2);
        JsonNode secondSignal = api.get("/api/v1/flows/" + id + "/cycles/0/signals?limit=1&offset=1").json();
        assertThat(secondSignal.path("items").size()).isEqualTo(1);
        assertThat(secondSignal.path("pagination").path("has_more").asBoolean()).isFalse();
    }

    @Test
    void pages_the_logs_of_a_flow_across_cycles_with_filters() {
        String id = ranOnce("flow-logs");
        api.post("/api/v1/flows/" + id + "/cycles");
        awaitEnd(id, 1);

        JsonNode all = api.get("/api/v1/flows/" + id + "/logs?limit=1000").json();
        JsonNode second = api.get("/api/v1/flows/" + id + "/logs?cycle=1").json();
        JsonNode errorsOnly = api.get("/api/v1/flows/" + id + "/logs?log_level=error").json();
        JsonNode byCycle = api.get("/api/v1/flows/" + id + "/logs?order_by=cycle&order_direction=DESC&limit=1").json();

        assertThat(all.path("items").values()).extracting(l -> l.path("cycle").isNull() ? -1L : l.path("cycle").asLong())
                .contains(-1L, 0L, 1L);
        assertThat(second.path("items").values()).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("cycle").asLong()).isEqualTo(1));
        assertThat(errorsOnly.path("items").size()).isZero();
        assertThat(byCycle.path("items").get(0).path("cycle").asLong()).isEqualTo(1);
        assertThat(byCycle.path("pagination").path("has_more").asBoolean()).isTrue();
    }

    @Test
    void rejects_bad_query_parameters_with_invalid_parameter() {
        String id = ranOnce("params");
        String logs = "/api/v1/flows/" + id + "/logs";

        for (String query : List.of("limit=-1", "limit=0", "limit=1001", "limit=abc", "offset=-1", "log_level=loud",
                "log_source=martians", "order_by=colour", "order_direction=sideways", "node_id=a.b", "cycle=x")) {
            JsonNode problem = api.get(logs + "?" + query).problem(400, "invalid_parameter");
            assertThat(problem.path("detail").asString()).as(query).isNotBlank();
        }
        api.get("/api/v1/flows/" + id + "/cycles/0/logs?limit=5000").problem(400, "invalid_parameter");
        api.get("/api/v1/flows/" + id + "/cycles/0/signals?offset=-3").problem(400, "invalid_parameter");
        api.get("/api/v1/flows/" + id + "/cycles?limit=1001").problem(400, "invalid_parameter");
        assertThat(api.get(logs + "?limit=1000&log_level=WARN").status()).isEqualTo(200);
    }

    @Test
    void shows_a_node_task_and_terminates_one_that_has_not_started() {
        String id = Api.uniqueId("task");
        api.register(id, Flows.slowThenRelay(30));
        api.post("/api/v1/flows/" + id + "/cycles");
        String waiting = "/api/v1/node-tasks/" + id + "_0_after";
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                api.get("/api/v1/node-tasks/" + id + "_0_wait").json().path("status").asString().equals("running"));

        JsonNode registered = api.get(waiting).json();
        assertThat(registered.path("node_task_id").asString()).isEqualTo(id + "_0_after");
        assertThat(registered.path("flow_id").asString()).isEqualTo(id);
        assertThat(registered.path("cycle").asLong()).isZero();
        assertThat(registered.path("node_id").asString()).isEqualTo("after");
        assertThat(registered.path("node_type").asString()).isEqualTo("fail_node");
        assertThat(registered.path("status").asString()).isEqualTo("registered");
        assertThat(registered.path("attempts").asInt()).isZero();
        assertThat(registered.path("worker_id").isNull()).isTrue();

        Response stop = api.post(waiting + "/stop");

        assertThat(stop.status()).as(stop.body()).isEqualTo(202);
        assertThat(stop.json().path("node_task_id").asString()).isEqualTo(id + "_0_after");
        assertThat(stop.json().path("status").asString()).isEqualTo("terminated");
        assertThat(stop.json().path("message").asString()).isEqualTo("stopped by user request");
        assertThat(api.get(waiting).json().path("status").asString()).isEqualTo("terminated");
        assertThat(api.delete("/api/v1/flows/" + id).status()).isEqualTo(204);
    }

    @Test
    void an_unknown_node_task_is_404_and_a_malformed_id_400() {
        api.get("/api/v1/node-tasks/" + Api.uniqueId("nobody") + "_0_x").problem(404, "node_task_not_found");
        api.post("/api/v1/node-tasks/" + Api.uniqueId("nobody") + "_0_x/stop").problem(404, "node_task_not_found");
        api.get("/api/v1/node-tasks/a.b_0_c").problem(400, "invalid_id");
        api.post("/api/v1/node-tasks/a%20b_0_c/stop").problem(400, "invalid_id");
    }

    @Test
    void runs_a_cycle_of_a_flow_whose_node_fails() {
        String id = Api.uniqueId("failing");
        api.register(id, Map.of("nodes", List.of(Flows.node("boom", "fail_node", Map.of("message", "kaput")))));
        api.post("/api/v1/flows/" + id + "/cycles");

        JsonNode cycle = awaitEnd(id, 0);

        assertThat(cycle.path("status").asString()).isEqualTo("failed");
        assertThat(cycle.path("statistics").path("failed").asInt()).isEqualTo(1);
        assertThat(cycle.path("node_tasks").get(0).path("message").asString()).isEqualTo("kaput");
        JsonNode errors = api.get("/api/v1/flows/" + id + "/cycles/0/logs?log_level=error").json();
        assertThat(errors.path("items").size()).isPositive();
    }
}
