package io.weatherstation.api.controls;

import static io.weatherstation.api.Flows.edge;
import static io.weatherstation.api.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api;
import io.weatherstation.api.Api.Response;
import io.weatherstation.execution.support.Gates;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Operator controls end to end over the native HTTP API, in real time: pause and resume, partial
 * runs and their previews, and bad requests. Each scenario talks to two stations, {@link #a()}
 * and {@link #b()} — the same one in the embedded mode, two instances sharing Redis, RabbitMQ and
 * PostgreSQL in the distributed mode — so whatever one instance pauses, holds or starts, the
 * other sees and releases.
 */
abstract class ControlScenarios {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final Duration POLL = Duration.ofMillis(25);

    abstract Api a();

    abstract Api b();

    static String flows(String flowId) {
        return "/api/v1/flows/" + flowId;
    }

    static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response.json();
    }

    String register(String prefix, Map<String, ?> definition) {
        String id = Api.uniqueId(prefix);
        a().register(id, definition);
        return id;
    }

    long runCycle(Api api, String flowId) {
        return ok(api.post(flows(flowId) + "/cycles")).path("cycle").asLong();
    }

    void awaitTask(Api api, String taskId, String status) {
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            Response response = api.get("/api/v1/node-tasks/" + taskId);
            return response.status() == 200 && response.json().path("status").asString().equals(status);
        });
    }

    JsonNode awaitCycleEnd(Api api, String flowId, long cycle) {
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            Response response = api.get(flows(flowId) + "/cycles/" + cycle);
            return response.status() == 200 && !response.json().path("status").asString().equals("running");
        });
        return ok(api.get(flows(flowId) + "/cycles/" + cycle));
    }

    static Map<String, String> statuses(JsonNode tasks) {
        Map<String, String> statuses = new LinkedHashMap<>();
        tasks.values().forEach(t -> statuses.put(t.path("node_id").asString(), t.path("status").asString()));
        return statuses;
    }

    /** first (waits at its gate) → second (1 s timeout) → third. */
    static Map<String, Object> gated(String gate) {
        Map<String, Object> second = node("second", "probe_node", Map.of());
        second.put("timeout_seconds", 1);
        return Map.of("interval", 0,
                "nodes", List.of(node("first", "gate_node", Map.of("gate", gate)), second,
                        node("third", "probe_node", Map.of())),
                "edges", List.of(edge("first", "output", "second", "input"), edge("second", "output", "third", "input")));
    }

    /** a → pair.left, d → pair.right, pair → c; e alone. */
    static Map<String, Object> diamond(int interval) {
        return Map.of("interval", interval,
                "nodes", List.of(node("a", "constant_node", Map.of("values", Map.of("from", "a"))),
                        node("d", "constant_node", Map.of("values", Map.of("from", "d"))),
                        node("e", "constant_node", Map.of("values", Map.of("from", "e"))),
                        node("pair", "pair_node", Map.of()), node("c", "probe_node", Map.of())),
                "edges", List.of(edge("a", "output", "pair", "left"), edge("d", "output", "pair", "right"),
                        edge("pair", "output", "c", "input")));
    }

    @Test
    void a_node_paused_during_a_cycle_holds_its_task_past_its_timeout_and_a_resume_on_any_instance_runs_it() {
        String gate = Api.uniqueId("ctl-gate");
        String flowId = register("ctl-pause", gated(gate));
        long cycle = runCycle(a(), flowId);
        String first = flowId + "_" + cycle + "_first";
        String second = flowId + "_" + cycle + "_second";
        awaitTask(b(), first, "running");

        JsonNode paused = ok(a().post(flows(flowId) + "/nodes/second/pause", Map.of("reason", "check the input")));
        assertThat(paused.path("status").asString()).isEqualTo("paused");
        assertThat(paused.path("pause").path("target").asString()).isEqualTo("node:second");
        assertThat(paused.path("pause").path("pause_type").asString()).isEqualTo("manual");
        Gates.open(gate);

        awaitTask(b(), second, "paused");
        // Held well past its 1 s timeout: the timeout only starts when the task really starts.
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> a().get("/api/v1/node-tasks/" + second).json().path("status").asString().equals("paused"));
        JsonNode status = ok(b().get(flows(flowId) + "/status?cycle=" + cycle));
        assertThat(status.path("cycle_status").asString()).isEqualTo("running");
        assertThat(status.path("statistics").path("paused").asInt()).isEqualTo(1);
        assertThat(status.path("pauses").values()).extracting(p -> p.path("target").asString())
                .containsExactly("node:second");
        assertThat(ok(b().get(flows(flowId))).path("pauses").size()).isEqualTo(1);
        JsonNode pauses = ok(b().get(flows(flowId) + "/pauses"));
        assertThat(pauses.path("flow_paused").asBoolean()).isFalse();
        assertThat(pauses.path("held_tasks").values()).extracting(t -> t.path("node_task_id").asString())
                .containsExactly(second);

        JsonNode resumed = ok(b().post(flows(flowId) + "/nodes/second/resume"));

        assertThat(resumed.path("status").asString()).isEqualTo("resumed");
        assertThat(resumed.path("released_tasks").values()).extracting(JsonNode::asString).containsExactly(second);
        JsonNode ended = awaitCycleEnd(a(), flowId, cycle);
        assertThat(ended.path("status").asString()).isEqualTo("completed");
        assertThat(statuses(ended.path("node_tasks"))).containsExactly(Map.entry("first", "completed"),
                Map.entry("second", "completed"), Map.entry("third", "completed"));
        assertThat(ok(a().get(flows(flowId) + "/status")).path("pauses").size()).isZero();
    }

    @Test
    void a_paused_flow_skips_its_ticks_and_journals_them_until_it_is_resumed() {
        String flowId = register("ctl-ticks", Map.of("interval", 1,
                "nodes", List.of(node("tick", "constant_node", Map.of("values", Map.of("t", 1))))));
        ok(a().post(flows(flowId) + "/start"));
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> !ok(a().get(flows(flowId))).path("last_cycle").isNull());

        ok(a().post(flows(flowId) + "/pause", Map.of("pause_type", "manual", "reason", "maintenance")));
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> skippedTicks(flowId) >= 1);
        long lastCycle = ok(b().get(flows(flowId))).path("last_cycle").asLong();
        int skippedBefore = skippedTicks(flowId);
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> skippedTicks(flowId) >= skippedBefore + 2);

        JsonNode flow = ok(b().get(flows(flowId)));
        assertThat(flow.path("last_cycle").asLong()).isEqualTo(lastCycle);
        assertThat(flow.path("status").asString()).isEqualTo("running");
        assertThat(flow.path("pauses").values()).extracting(p -> p.path("target").asString()).containsExactly("flow");
        a().post(flows(flowId) + "/cycles").problem(409, "cycle_refused");

        ok(b().post(flows(flowId) + "/resume"));
        await().atMost(PATIENCE).pollInterval(POLL)
                .until(() -> ok(a().get(flows(flowId))).path("last_cycle").asLong() > lastCycle);
        ok(a().post(flows(flowId) + "/stop"));
    }

    private int skippedTicks(String flowId) {
        JsonNode page = ok(b().get(flows(flowId) + "/logs?node_id=system&limit=1000"));
        return (int) page.path("items").values().stream()
                .filter(l -> l.path("message").asString().equals("tick skipped: the flow is paused")).count();
    }

    @Test
    void a_partial_run_leaves_the_flows_schedule_and_last_cycle_alone_and_is_queried_like_a_cycle() {
        String flowId = register("ctl-partial", diamond(3600));
        ok(a().post(flows(flowId) + "/start"));
        awaitCycleEnd(a(), flowId, 0);
        JsonNode before = ok(a().get(flows(flowId)));

        Response started = a().post(flows(flowId) + "/partial-runs", Map.of("trigger_node_id", "pair",
                "mode", "downstream", "inputs", Map.of("pair", Map.of("left", Map.of("price", 42), "right", 7))));

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = started.json();
        long runId = run.path("partial_run_id").asLong();
        long runCycle = run.path("cycle").asLong();
        assertThat(started.location()).isEqualTo(flows(flowId) + "/partial-runs/" + runId);
        assertThat(run.path("nodes").values()).extracting(JsonNode::asString).containsExactly("pair", "c");
        assertThat(runCycle).isEqualTo(1_000_000_000_000L + runId);
        await().atMost(PATIENCE).pollInterval(POLL).until(() ->
                ok(b().get(flows(flowId) + "/partial-runs/" + runId)).path("status").asString().equals("completed"));
        JsonNode done = ok(b().get(flows(flowId) + "/partial-runs/" + runId));
        assertThat(statuses(done.path("node_tasks"))).containsExactly(Map.entry("pair", "completed"),
                Map.entry("c", "completed"));
        assertThat(ok(b().get("/api/v1/node-tasks/" + flowId + "_" + runCycle + "_pair")).path("status").asString())
                .isEqualTo("completed");
        await().atMost(PATIENCE).pollInterval(POLL).until(() ->
                ok(b().get(flows(flowId) + "/partial-runs/" + runId + "/signals")).path("items").size() == 1);
        JsonNode signal = ok(b().get(flows(flowId) + "/partial-runs/" + runId + "/signals")).path("items").get(0);
        assertThat(signal.path("payload").path("left").path("price").asInt()).isEqualTo(42);
        assertThat(signal.path("payload").path("right").path("value").asInt()).isEqualTo(7);
        assertThat(ok(b().get(flows(flowId) + "/partial-runs/" + runId + "/logs")).path("items").size()).isPositive();
        assertThat(ok(b().get(flows(flowId) + "/partial-runs")).path("partial_runs").values())
                .extracting(r -> r.path("partial_run_id").asLong()).containsExactly(runId);

        JsonNode after = ok(b().get(flows(flowId)));
        assertThat(after.path("last_cycle").asLong()).isZero();
        assertThat(after.path("next_execution").asString()).isEqualTo(before.path("next_execution").asString());
        assertThat(after.path("status").asString()).isEqualTo("running");
        assertThat(after.path("definition_version").asLong()).isEqualTo(before.path("definition_version").asLong());
        assertThat(after.path("config")).isEqualTo(before.path("config"));
        assertThat(after.path("current_cycle").path("cycle").asLong()).isZero();
        assertThat(ok(b().get(flows(flowId) + "/cycles")).path("cycles").values())
                .extracting(c -> c.path("cycle").asLong()).containsExactly(0L);
        // The schedule still runs the flow's own cycles: run one now, it is cycle 1.
        assertThat(runCycle(b(), flowId)).isEqualTo(1);
        assertThat(awaitCycleEnd(a(), flowId, 1).path("status").asString()).isEqualTo("completed");
        ok(a().post(flows(flowId) + "/stop"));
    }

    @Test
    void the_preview_lists_each_modes_nodes_in_topological_order_with_their_boundary_handles() {
        String flowId = register("ctl-preview", diamond(0));

        assertThat(preview(flowId, "pair", "single")).containsExactly("pair");
        assertThat(preview(flowId, "pair", "upstream")).containsExactly("a", "d", "pair");
        assertThat(preview(flowId, "pair", "downstream")).containsExactly("pair", "c");
        assertThat(preview(flowId, "c", "component")).containsExactly("a", "d", "pair", "c");
        assertThat(preview(flowId, "e", "component")).containsExactly("e");
        JsonNode single = ok(b().get(flows(flowId) + "/partial-runs/preview?trigger_node_id=pair&mode=single"));
        assertThat(single.path("boundary_handles").values()).extracting(h -> h.path("handle").asString(),
                h -> h.path("required").asBoolean(), h -> h.path("upstream_nodes").get(0).asString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("left", true, "a"),
                        org.assertj.core.groups.Tuple.tuple("right", true, "d"));
    }

    private List<String> preview(String flowId, String trigger, String mode) {
        JsonNode preview = ok(b().get(flows(flowId) + "/partial-runs/preview?trigger_node_id=" + trigger + "&mode=" + mode));
        assertThat(preview.path("mode").asString()).isEqualTo(mode);
        return preview.path("nodes").values().stream().map(JsonNode::asString).toList();
    }

    @Test
    void bad_control_requests_get_clear_problems_and_change_nothing() {
        String flowId = register("ctl-bad", diamond(0));
        String missing = Api.uniqueId("ctl-missing");

        a().post(flows(flowId) + "/resume").problem(409, "illegal_pause_transition");
        a().post(flows(flowId) + "/nodes/pair/resume").problem(409, "illegal_pause_transition");
        a().post(flows(flowId) + "/nodes/ghost/pause").problem(404, "pause_target_not_found");
        a().post(flows(flowId) + "/components/9/pause").problem(404, "pause_target_not_found");
        a().post(flows(flowId) + "/components/x/pause").problem(400, "invalid_id");
        a().post(flows(flowId) + "/nodes/bad.id/pause").problem(400, "invalid_id");
        a().post(flows(missing) + "/pause").problem(404, "flow_not_found");
        a().post(flows(flowId) + "/pause", Map.of("pause_type", "nap")).problem(400, "invalid_parameter");
        a().post(flows(flowId) + "/pause", Map.of("colour", "red")).problem(400, "invalid_parameter");
        a().post(flows(flowId) + "/pause", "application/json", "{\"reason\": ").problem(400, "malformed_json");
        assertThat(ok(a().get(flows(flowId) + "/pauses")).path("pauses").size()).isZero();

        ok(a().post(flows(flowId) + "/nodes/pair/pause"));
        b().post(flows(flowId) + "/nodes/pair/pause").problem(409, "illegal_pause_transition");
        b().post(flows(flowId) + "/nodes/pair/resume", Map.of("input_data", Map.of("nope", 1)))
                .problem(400, "invalid_resume");
        b().post(flows(flowId) + "/nodes/pair/resume", Map.of("held_tasks", "later")).problem(400, "invalid_parameter");
        assertThat(ok(b().get(flows(flowId) + "/pauses")).path("pauses").size()).isEqualTo(1);
        ok(b().post(flows(flowId) + "/nodes/pair/resume", Map.of("held_tasks", "skip")));

        JsonNode unknownTrigger = a().post(flows(flowId) + "/partial-runs", Map.of("trigger_node_id", "ghost"))
                .problem(400, "invalid_partial_run");
        assertThat(unknownTrigger.path("problems").get(0).path("code").asString()).isEqualTo("trigger_node_unknown");
        JsonNode missingInputs = a().post(flows(flowId) + "/partial-runs",
                Map.of("trigger_node_id", "pair", "mode", "single", "inputs", Map.of("pair", Map.of("left", 1),
                        "c", Map.of("input", 2)))).problem(400, "invalid_partial_run");
        assertThat(missingInputs.path("problems").values()).extracting(p -> p.path("code").asString(),
                p -> p.path("handle").asString()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("input_not_a_boundary_handle", "input"),
                        org.assertj.core.groups.Tuple.tuple("input_missing", "right"));
        a().post(flows(flowId) + "/partial-runs", Map.of("trigger_node_id", "pair", "mode", "sideways"))
                .problem(400, "invalid_parameter");
        a().post(flows(flowId) + "/partial-runs", Map.of("mode", "single")).problem(400, "invalid_id");
        a().post(flows(flowId) + "/partial-runs", Map.of("trigger_node_id", "pair", "inputs", List.of()))
                .problem(400, "invalid_parameter");
        a().post(flows(missing) + "/partial-runs", Map.of("trigger_node_id", "pair")).problem(404, "flow_not_found");
        a().get(flows(flowId) + "/partial-runs/preview?trigger_node_id=ghost").problem(400, "invalid_partial_run");
        a().get(flows(flowId) + "/partial-runs/preview?trigger_node_id=pair&mode=all").problem(400, "invalid_parameter");
        a().get(flows(flowId) + "/partial-runs/7").problem(404, "partial_run_not_found");
        a().get(flows(flowId) + "/partial-runs/abc").problem(400, "invalid_id");
        a().post(flows(flowId) + "/partial-runs/7/cancel").problem(404, "partial_run_not_found");

        assertThat(ok(a().get(flows(flowId) + "/partial-runs")).path("partial_runs").size()).isZero();
        JsonNode flow = ok(a().get(flows(flowId)));
        assertThat(flow.path("last_cycle").isNull()).isTrue();
        assertThat(flow.path("status").asString()).isEqualTo("registered");
    }
}
