package io.weatherstation.api.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api;
import io.weatherstation.api.Api.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The original Station API, replayed the way its own HTTP examples (tests/http/*.http,
 * tests/final_integration/*.http of the original engine) write requests: run-once vault → code →
 * swap flows sent to {@code POST /flows/execute} with {@code cycle_interval: "once"}, status
 * polled until done, logs filtered and paged, per-node and {@code system} logs, single nodes run
 * with {@code POST /nodes/execute}, and bad inputs. The flows are built from the station's own
 * node types (constant as the vault, code, a condition as the swap guard). Every check reads the
 * response fields an existing control service reads.
 */
abstract class CompatibilitySuite extends CompatClient {

    // -------------------------------------------------------------------------------- flows

    @Test
    void a_run_once_flow_runs_to_completion_and_its_status_reads_as_the_originals() {
        String flowId = Api.uniqueId("compat-once");

        JsonNode started = executeFlow(vaultCodeSwap(flowId, "once"));
        assertThat(started.path("status").asString()).isEqualTo("running");
        assertThat(started.path("flow_id").asString()).isEqualTo(flowId);
        assertThat(started.path("message").asString()).isEqualTo("Flow " + flowId + " registered");

        JsonNode status = awaitFlowStatus(flowId, "completed");
        assertThat(status.path("id").asString()).isEqualTo(flowId);
        assertThat(status.path("last_cycle").asLong()).isZero();
        assertThat(status.path("user_id").asString()).isEqualTo("684c36ce23a411dff96ff68a");
        assertThat(status.path("config").path("nodes").size()).isEqualTo(3);
        assertThat(status.path("config").path("interval").asString()).isEqualTo("once");
        assertThat(status.path("config").path("edges").size()).isEqualTo(2);
        assertThat(status.path("structure").path("component_count").asInt()).isEqualTo(1);
        JsonNode current = status.path("current_cycle_status");
        assertThat(current.path("cycle").asLong()).isZero();
        assertThat(current.path("status").asString()).isEqualTo("completed");
        assertThat(current.path("node_count").asInt()).isEqualTo(3);
        assertThat(current.path("end_time").asString()).isNotBlank();
        for (String node : List.of("vault_node_1", "code_node_1", "swap_node_1")) {
            JsonNode task = current.path("nodes").path(node);
            assertThat(task.path("status").asString()).as(node).isEqualTo("completed");
            assertThat(task.path("node_task_id").asString()).isEqualTo(flowId + "_0_" + node);
            assertThat(task.path("flow_id").asString()).isEqualTo(flowId);
            assertThat(task.path("cycle").asLong()).isZero();
        }
    }

    @Test
    void the_comprehensive_status_shows_each_node_with_its_logs_signals_and_statistics() {
        String flowId = Api.uniqueId("compat-comprehensive");
        executeFlow(vaultCodeSwap(flowId, "once"));
        awaitFlowStatus(flowId, "completed");

        JsonNode status = ok(api.get("/flows/" + flowId + "/comprehensive-status"));
        assertThat(status.path("flow_id").asString()).isEqualTo(flowId);
        assertThat(status.path("cycle").asLong()).isZero();
        assertThat(status.path("flow_status").asString()).isEqualTo("completed");
        assertThat(status.path("start_time").asString()).isNotBlank();
        assertThat(status.path("end_time").asString()).isNotBlank();
        assertThat(status.path("last_cycle_duration_ms").asLong()).isNotNegative();
        JsonNode statistics = status.path("statistics");
        assertThat(statistics.path("total_nodes").asInt()).isEqualTo(3);
        assertThat(statistics.path("completed_nodes").asInt()).isEqualTo(3);
        assertThat(statistics.path("running_nodes").asInt()).isZero();
        assertThat(statistics.path("failed_nodes").asInt()).isZero();
        assertThat(statistics.path("error_nodes").asInt()).isZero();
        assertThat(statistics.path("pending_nodes").asInt()).isZero();
        assertThat(status.path("flow_metadata").path("total_cycles").asInt()).isEqualTo(1);

        JsonNode code = status.path("nodes").path("code_node_1");
        assertThat(code.path("status").asString()).isEqualTo("completed");
        assertThat(code.path("logs").isArray()).isTrue();
        assertThat(code.path("logs").size()).isPositive().isLessThanOrEqualTo(50);
        assertThat(field(code.path("logs"), "node_id")).containsOnly("code_node_1");
        JsonNode signals = code.path("signals");
        assertThat(signals.path("input").size()).isEqualTo(1);
        assertThat(signals.path("input").get(0).path("from_node_id").asString()).isEqualTo("vault_node_1");
        assertThat(signals.path("output").size()).isEqualTo(1);
        assertThat(signals.path("output").get(0).path("to_node_id").asString()).isEqualTo("swap_node_1");
        assertThat(signals.path("handles").path("output").path("output_data").toString())
                .contains("\"to_token\":\"APT\"", "\"chain\":\"aptos\"");
        assertThat(code.path("metadata").path("node_task_id").asString()).isEqualTo(flowId + "_0_code_node_1");

        JsonNode lean = ok(api.get("/flows/" + flowId
                + "/comprehensive-status?cycle=0&include_node_logs=false&include_node_signals=false"));
        assertThat(lean.path("nodes").path("code_node_1").has("logs")).isFalse();
        assertThat(lean.path("nodes").path("code_node_1").has("signals")).isFalse();
        assertThat(lean.path("nodes").path("code_node_1").path("status").asString()).isEqualTo("completed");
    }

    @Test
    void executing_an_existing_flow_replaces_it_keeps_its_cycle_count_and_runs_the_next_cycle() {
        String flowId = Api.uniqueId("compat-replace");
        executeFlow(vaultCodeSwap(flowId, "once"));
        awaitFlowStatus(flowId, "completed");

        JsonNode again = executeFlow(vaultCodeSwap(flowId, 0));
        assertThat(again.path("message").asString()).isEqualTo("Flow " + flowId + " updated and registered");

        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            JsonNode status = api.get("/flows/" + flowId + "/status").json();
            return status.path("status").asString().equals("completed") && status.path("last_cycle").asLong() == 1;
        });
        JsonNode status = ok(api.get("/flows/" + flowId + "/status"));
        assertThat(status.path("current_cycle_status").path("cycle").asLong()).isEqualTo(1);
        assertThat(status.path("current_cycle_status").path("status").asString()).isEqualTo("completed");
    }

    @Test
    void a_periodic_flow_runs_until_stopped_and_stopping_again_changes_nothing() {
        String flowId = Api.uniqueId("compat-periodic");
        executeFlow(vaultCodeSwap(flowId, "1h"));

        await().atMost(PATIENCE).pollInterval(POLL).until(() -> ok(api.get("/flows/" + flowId + "/comprehensive-status"))
                .path("flow_status").asString().equals("waiting_next_cycle"));
        JsonNode status = ok(api.get("/flows/" + flowId + "/status"));
        assertThat(status.path("status").asString()).isEqualTo("running");
        assertThat(status.path("next_execution").isNumber()).isTrue();
        assertThat(status.path("config").path("interval").asString()).isEqualTo("1h");

        JsonNode stopped = ok(api.post("/flows/" + flowId + "/stop"));
        assertThat(stopped.path("status").asString()).isEqualTo("stopped");
        assertThat(stopped.path("flow_id").asString()).isEqualTo(flowId);
        assertThat(stopped.path("terminated_nodes").asInt()).isZero();
        assertThat(ok(api.get("/flows/" + flowId + "/comprehensive-status")).path("flow_status").asString())
                .isEqualTo("stopped");

        JsonNode again = ok(api.post("/flows/" + flowId + "/stop"));
        assertThat(again.path("status").asString()).isEqualTo("stopped");
        assertThat(ok(api.get("/flows/" + flowId + "/status")).path("last_cycle").asLong()).isZero();
    }

    // -------------------------------------------------------------------------------- logs

    @Test
    void flow_logs_filter_page_and_sort_as_the_originals() {
        String flowId = Api.uniqueId("compat-logs");
        executeFlow(vaultCodeSwap(flowId, "once"));
        awaitFlowStatus(flowId, "completed");
        String logs = "/flows/" + flowId + "/logs";

        JsonNode all = ok(api.get(logs));
        assertThat(all.path("flow_id").asString()).isEqualTo(flowId);
        long total = all.path("pagination").path("total").asLong();
        assertThat(total).isEqualTo(all.path("logs").size()).isGreaterThan(3);
        assertThat(all.path("pagination").path("limit").asInt()).isEqualTo(100);
        assertThat(all.path("pagination").path("offset").asInt()).isZero();
        assertThat(all.path("pagination").path("has_more").asBoolean()).isFalse();
        assertThat(all.path("filters").path("cycle").isNull()).isTrue();
        assertThat(all.path("cycle_status").path("0").path("status").asString()).isEqualTo("completed");
        JsonNode line = all.path("logs").get(0);
        for (String name : List.of("id", "flow_id", "cycle", "node_id", "log_level", "log_source", "message",
                "metadata", "created_at")) {
            assertThat(line.has(name)).as(name).isTrue();
        }
        // Newest first unless asked otherwise, as the original.
        List<String> newestFirst = field(all.path("logs"), "created_at");
        List<String> oldestFirst = field(ok(api.get(logs + "?order_direction=asc")).path("logs"), "created_at");
        assertThat(newestFirst).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(oldestFirst).isSorted();

        JsonNode filtered = ok(api.get(logs + "?cycle=0&node_id=code_node_1&log_level=INFO&limit=10&offset=0"
                + "&order_by=created_at&order_direction=desc"));
        assertThat(field(filtered.path("logs"), "node_id")).isNotEmpty().containsOnly("code_node_1");
        assertThat(field(filtered.path("logs"), "log_level")).containsOnly("INFO");
        assertThat(filtered.path("filters").path("node_id").asString()).isEqualTo("code_node_1");
        assertThat(filtered.path("filters").path("log_level").asString()).isEqualTo("INFO");
        assertThat(filtered.path("filters").path("cycle").asLong()).isZero();

        JsonNode system = ok(api.get(logs + "?node_id=system&log_source=scheduler"));
        assertThat(system.path("logs").size()).isPositive();
        assertThat(system.path("logs").values()).allMatch(l -> l.path("node_id").isNull()
                && l.path("log_source").asString().equals("scheduler"));

        JsonNode first = ok(api.get(logs + "?limit=2&offset=0"));
        JsonNode second = ok(api.get(logs + "?limit=2&offset=2"));
        assertThat(first.path("logs").size()).isEqualTo(2);
        assertThat(first.path("pagination").path("total").asLong()).isEqualTo(total);
        assertThat(first.path("pagination").path("has_more").asBoolean()).isTrue();
        List<JsonNode> newestFour = ok(api.get(logs + "?limit=4")).path("logs").values().stream().toList();
        assertThat(first.path("logs").values().stream().toList()).isEqualTo(newestFour.subList(0, 2));
        assertThat(second.path("logs").values().stream().toList()).isEqualTo(newestFour.subList(2, 4));

        JsonNode byNode = ok(api.get(logs + "?order_by=node_id&order_direction=asc"));
        assertThat(byNode.path("logs").get(0).path("node_id").isNull()).isTrue();

        error(api.get(logs + "?order_by=message"), 400, "invalid_parameter");
        error(api.get(logs + "?order_direction=up"), 400, "invalid_parameter");
        error(api.get(logs + "?limit=abc"), 400, "invalid_parameter");
        error(api.get(logs + "?limit=0"), 400, "invalid_parameter");
        error(api.get(logs + "?cycle=x"), 400, "invalid_parameter");
        error(api.get(logs + "?log_level=LOUD"), 400, "invalid_parameter");
        error(api.get("/flows/" + Api.uniqueId("nobody") + "/logs"), 404, "flow_not_found");
    }

    @Test
    void node_logs_of_one_cycle_and_the_system_lines_without_a_node() {
        String flowId = Api.uniqueId("compat-node-logs");
        executeFlow(vaultCodeSwap(flowId, "once"));
        awaitFlowStatus(flowId, "completed");

        JsonNode code = ok(api.get("/flows/" + flowId + "/cycles/0/nodes/code_node_1/logs"));
        assertThat(code.path("flow_id").asString()).isEqualTo(flowId);
        assertThat(code.path("cycle").asLong()).isZero();
        assertThat(code.path("node_id").asString()).isEqualTo("code_node_1");
        assertThat(code.path("logs").size()).isPositive();
        assertThat(field(code.path("logs"), "node_id")).containsOnly("code_node_1");
        assertThat(code.path("pagination").path("total").asLong()).isEqualTo(code.path("logs").size());

        JsonNode system = ok(api.get("/flows/" + flowId + "/cycles/0/nodes/system/logs"));
        assertThat(system.path("node_id").isNull()).isTrue();
        assertThat(system.path("logs").size()).isPositive();
        assertThat(system.path("logs").values()).allMatch(l -> l.path("node_id").isNull()
                && l.path("cycle").asLong() == 0);

        JsonNode filtered = ok(api.get("/flows/" + flowId + "/cycles/0/nodes/swap_node_1/logs"
                + "?log_level=ERROR&log_source=node&limit=20&offset=0&order_by=created_at&order_direction=asc"));
        assertThat(filtered.path("logs").size()).isZero();
        assertThat(filtered.path("filters").path("log_level").asString()).isEqualTo("ERROR");
        assertThat(filtered.path("filters").path("log_source").asString()).isEqualTo("node");

        assertThat(ok(api.get("/flows/" + flowId + "/cycles/0/nodes/code_node_1/logs?order_by=log_source"))
                .path("logs").size()).isPositive();
        error(api.get("/flows/" + flowId + "/cycles/0/nodes/code_node_1/logs?order_by=cycle"), 400,
                "invalid_parameter");
        error(api.get("/flows/" + flowId + "/cycles/0/nodes/bad.node/logs"), 400, "invalid_id");
        error(api.get("/flows/" + flowId + "/cycles/-3/nodes/code_node_1/logs"), 400, "invalid_id");
    }

    // -------------------------------------------------------------------------------- nodes

    @Test
    void the_node_type_catalogue_lists_the_built_in_types() {
        JsonNode types = ok(api.get("/nodes/types"));

        assertThat(types.path("status").asString()).isEqualTo("success");
        assertThat(types.path("count").asInt()).isEqualTo(types.path("data").size());
        JsonNode code = types.path("data").path("code_node");
        assertThat(code.path("class_name").asString()).isEqualTo("CodeNode");
        assertThat(code.path("category").asString()).isEqualTo("compute");
        assertThat(code.path("version").asString()).isNotBlank();
        assertThat(code.path("default_params").has("expression")).isTrue();
        assertThat(code.path("input_handles").path("input_data").path("is_aggregate").asBoolean()).isTrue();
        assertThat(types.path("data").has("constant_node")).isTrue();
        assertThat(types.path("data").has("condition_node")).isTrue();
    }

    @Test
    void a_single_node_runs_in_the_background_and_its_status_shows_the_outputs() {
        String flowId = Api.uniqueId("example_flow");
        Response started = api.post("/nodes/execute", Map.of(
                "flow_id", flowId, "component_id", 3, "cycle", 1, "node_id", "simple_code_node",
                "node_type", "code_node", "input_edges", List.of(), "output_edges", List.of(),
                "config", Map.of("node_class_type", "code_node", "expression", "{'sum': 1 + 2}")));

        JsonNode body = ok(started);
        assertThat(body.path("node_id").asString()).isEqualTo("simple_code_node");
        assertThat(body.path("status").asString()).isEqualTo("started");
        String taskId = flowId + "_1_simple_code_node";
        assertThat(body.path("node_task_id").asString()).isEqualTo(taskId);

        await().atMost(PATIENCE).pollInterval(POLL).until(() ->
                !ok(api.get("/nodes/" + taskId + "/status")).path("status").asString().equals("running"));
        JsonNode status = ok(api.get("/nodes/" + taskId + "/status"));
        assertThat(status.path("status").asString()).isEqualTo("completed");
        assertThat(status.path("outputs").path("output_data").path("sum").asInt()).isEqualTo(3);

        error(api.get("/nodes/" + Api.uniqueId("never") + "_1_x/status"), 404, "node_task_not_found");
    }

    @Test
    void executing_a_node_that_still_runs_is_a_conflict_unless_forced() {
        String flowId = Api.uniqueId("example_flow");
        Map<String, Object> request = Map.of(
                "flow_id", flowId, "component_id", 0, "cycle", 1, "node_id", "slow_node", "node_type", "delay_node",
                "config", Map.of("seconds", 1.5), "inputs", Map.of("input", Map.of("tick", 1)));
        String taskId = flowId + "_1_slow_node";

        assertThat(ok(api.post("/nodes/execute", request)).path("status").asString()).isEqualTo("started");

        JsonNode conflict = error(api.post("/nodes/execute", request), 409, "node_already_running");
        assertThat(conflict.path("error").asString()).isEqualTo("Node is already running");
        assertThat(conflict.path("task_status").asString()).isEqualTo("running");
        assertThat(conflict.path("can_force").asBoolean()).isTrue();
        assertThat(conflict.path("elapsed_seconds").isNumber()).isTrue();
        assertThat(conflict.path("start_time").asString()).isNotBlank();

        Map<String, Object> forced = new java.util.HashMap<>(request);
        forced.put("force", true);
        assertThat(ok(api.post("/nodes/execute", forced)).path("status").asString()).isEqualTo("started");

        await().atMost(PATIENCE).pollInterval(POLL).until(() ->
                ok(api.get("/nodes/" + taskId + "/status")).path("status").asString().equals("completed"));
        assertThat(ok(api.post("/nodes/execute", request)).path("status").asString()).isEqualTo("started");
        await().atMost(PATIENCE).pollInterval(POLL).until(() ->
                ok(api.get("/nodes/" + taskId + "/status")).path("status").asString().equals("completed"));
    }

    @Test
    void a_bad_node_execution_lists_every_problem_and_starts_nothing() {
        JsonNode missing = error(api.post("/nodes/execute", Map.of("node_type", "code_node")), 400,
                "invalid_node_config");
        assertThat(pointers(missing)).contains("/flow_id", "/component_id", "/cycle", "/node_id", "/config");

        JsonNode unknown = error(api.post("/nodes/execute", Map.of("flow_id", "f", "component_id", 0, "cycle", 1,
                "node_id", "n", "node_type", "teleport_node", "config", Map.of())), 400, "invalid_node_config");
        assertThat(pointers(unknown)).containsExactly("/node_type");

        JsonNode badConfig = error(api.post("/nodes/execute", Map.of("flow_id", "f", "component_id", 0, "cycle", 1,
                "node_id", "n", "node_type", "delay_node", "config", Map.of("seconds", "soon"))), 400,
                "invalid_node_config");
        assertThat(pointers(badConfig)).containsExactly("/config/seconds");
        error(api.get("/nodes/f_1_n/status"), 404, "node_task_not_found");

        error(api.post("/nodes/execute", "application/json", "{\"flow_id\": "), 400, "malformed_json");
    }

    // -------------------------------------------------------------------------------- bad inputs

    @Test
    void a_bad_execute_request_lists_every_problem_with_pointers_into_the_body_and_stores_nothing() {
        JsonNode empty = error(api.post("/flows/execute", Map.of()), 400, "invalid_flow_definition");
        assertThat(pointers(empty)).containsExactlyInAnyOrder("/flow_id", "/cycle_interval", "/flow_json");

        String flowId = Api.uniqueId("compat-bad");
        Map<String, Object> request = new java.util.HashMap<>(vaultCodeSwap(flowId, "1.5m"));
        request.put("flow_json", Map.of(
                "nodes", List.of(Map.of("id", "vault_node_1", "type", "vault_node"),
                        Map.of("id", "code_node_1", "type", "code_node", "config", Map.of())),
                "edges", List.of(Map.of("source", "vault_node_1", "source_handle", "output",
                        "target", "nowhere", "target_handle", "input"))));
        JsonNode invalid = error(api.post("/flows/execute", request), 400, "invalid_flow_definition");
        assertThat(pointers(invalid)).contains("/cycle_interval", "/flow_json/nodes/0/type",
                "/flow_json/nodes/1/config/expression", "/flow_json/edges/0/target");
        error(api.get("/flows/" + flowId + "/status"), 404, "flow_not_found");

        Map<String, Object> badId = new java.util.HashMap<>(vaultCodeSwap("bad.id", "once"));
        badId.put("flow_json", Map.of("nodes", List.of()));
        assertThat(pointers(error(api.post("/flows/execute", badId), 400, "invalid_flow_definition")))
                .contains("/flow_id", "/flow_json/nodes");

        Map<String, Object> twice = new java.util.HashMap<>(vaultCodeSwap(flowId, 60));
        twice.put("flow_json", Map.of("interval", 60, "nodes", List.of(Map.of("id", "a", "type", "constant_node"))));
        assertThat(pointers(error(api.post("/flows/execute", twice), 400, "invalid_flow_definition")))
                .containsExactly("/flow_json/interval");
        error(api.get("/flows/" + flowId + "/status"), 404, "flow_not_found");

        error(api.post("/flows/execute", "application/json", "{\"flow_id\": \"x\",}"), 400, "malformed_json");
        error(api.post("/flows/execute", "text/plain", "flow"), 415, "unsupported_media_type");
        error(api.get("/flows/" + Api.uniqueId("nobody") + "/status"), 404, "flow_not_found");
        error(api.get("/flows/" + Api.uniqueId("nobody") + "/comprehensive-status"), 404, "flow_not_found");
        error(api.post("/flows/" + Api.uniqueId("nobody") + "/stop"), 404, "flow_not_found");
        error(api.get("/flows/bad.id/status"), 400, "invalid_id");
    }

    @Test
    void integer_zero_runs_once_where_the_original_rejected_it() {
        String flowId = Api.uniqueId("compat-zero");
        executeFlow(vaultCodeSwap(flowId, 0));

        assertThat(awaitFlowStatus(flowId, "completed").path("current_cycle_status").path("status").asString())
                .isEqualTo("completed");
        error(api.get("/flows/" + flowId + "/comprehensive-status?cycle=7"), 404, "cycle_not_found");
        error(api.get("/flows/" + flowId + "/comprehensive-status?include_node_logs=maybe"), 400, "invalid_parameter");
    }

    // -------------------------------------------------------------------------------- documents

    @Test
    void the_openapi_document_covers_both_route_families() {
        JsonNode compat = ok(api.get("/v3/api-docs/compat")).path("paths");
        assertThat(compat.has("/flows/execute")).isTrue();
        for (String path : List.of("/flows/{flowId}/status", "/flows/{flowId}/comprehensive-status",
                "/flows/{flowId}/stop", "/flows/{flowId}/logs", "/flows/{flowId}/cycles/{cycle}/nodes/{nodeId}/logs",
                "/nodes/types", "/nodes/execute", "/nodes/{nodeTaskId}/status")) {
            assertThat(compat.has(path)).as(path).isTrue();
        }
        assertThat(compat.properties().stream().map(Map.Entry::getKey)).noneMatch(p -> p.startsWith("/api/v1"));
        assertThat(compat.path("/flows/execute").path("post").path("responses").path("default").path("content")
                .has("application/problem+json")).isTrue();

        JsonNode nativePaths = ok(api.get("/v3/api-docs/native")).path("paths");
        assertThat(nativePaths.has("/api/v1/flows/{flowId}")).isTrue();
        assertThat(nativePaths.has("/flows/execute")).isFalse();
    }
}
