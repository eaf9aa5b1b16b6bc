package io.weatherstation.api.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api;
import io.weatherstation.execution.support.Gates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The original engine's pause, resume and partial-run routes, replayed against the embedded
 * station. Where the original only gated dispatch (paused nodes skipped, never re-run) and
 * overwrote the stored flow for a partial run, these check the correct behaviour in the same
 * shapes: held tasks run on resume, and a partial run leaves the flow, its schedule and
 * {@code last_cycle} alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedCompatibilityControlsTest extends CompatClient {

    /**
     * vault → gate → code, run every hour: the code node becomes ready only once the test opens
     * the gate named after the flow.
     */
    static Map<String, Object> gatedVaultCode(String flowId) {
        return Map.of(
                "flow_id", flowId,
                "cycle_interval", "1h",
                "flow_json", Map.of(
                        "nodes", List.of(
                                Map.of("id", "vault_node_1", "type", "constant_node",
                                        "config", Map.of("values", Map.of("chain", "aptos"))),
                                Map.of("id", "wait_node_1", "type", "gate_node", "config", Map.of("gate", flowId)),
                                Map.of("id", "code_node_1", "type", "code_node",
                                        "config", Map.of("expression", "{'chain': input['output'].chain}"))),
                        "edges", List.of(
                                Map.of("source", "vault_node_1", "source_handle", "output",
                                        "target", "wait_node_1", "target_handle", "input"),
                                Map.of("source", "wait_node_1", "source_handle", "output",
                                        "target", "code_node_1", "target_handle", "input_data"))));
    }

    @Test
    void a_paused_flow_holds_its_ready_tasks_and_resuming_runs_them() {
        String flowId = Api.uniqueId("compat-pause");
        executeFlow(gatedVaultCode(flowId));

        JsonNode paused = ok(api.post("/flows/" + flowId + "/pause", Map.of("pause_type", "manual",
                "resume_context", Map.of("note", "checking the vault"))));
        assertThat(paused.path("status").asString()).isEqualTo("paused");
        assertThat(paused.path("flow_id").asString()).isEqualTo(flowId);
        assertThat(paused.path("pause_data").path("pause_type").asString()).isEqualTo("manual");
        assertThat(paused.path("pause_data").path("resume_context").path("note").asString()).isEqualTo("checking the vault");
        assertThat(ok(api.post("/flows/" + flowId + "/pause")).path("status").asString()).isEqualTo("paused");
        Gates.open(flowId);

        await().atMost(PATIENCE).pollInterval(POLL).until(() -> ok(api.get("/flows/" + flowId + "/status"))
                .path("current_cycle_status").path("nodes").path("code_node_1").path("status").asString()
                .equals("paused"));

        JsonNode resumed = ok(api.post("/flows/" + flowId + "/resume", Map.of("skip_paused", false)));
        assertThat(resumed.path("status").asString()).isEqualTo("resumed");
        assertThat(resumed.path("resume_context").path("released_tasks").toString())
                .contains(flowId + "_0_code_node_1");

        await().atMost(PATIENCE).pollInterval(POLL).until(() -> ok(api.get("/flows/" + flowId + "/status"))
                .path("current_cycle_status").path("status").asString().equals("completed"));
        JsonNode code = ok(api.get("/flows/" + flowId + "/comprehensive-status")).path("nodes").path("code_node_1");
        assertThat(code.path("status").asString()).isEqualTo("completed");

        error(api.post("/flows/" + flowId + "/resume"), 404, "not_paused");
        ok(api.post("/flows/" + flowId + "/stop"));
    }

    @Test
    void bad_pause_and_resume_requests_change_nothing() {
        String flowId = Api.uniqueId("compat-pause-bad");
        executeFlow(vaultCodeSwap(flowId, "once"));

        assertThat(pointers(error(api.post("/flows/" + flowId + "/pause", Map.of("pause_type", "nap")), 400,
                "invalid_request"))).containsExactly("/pause_type");
        error(api.post("/flows/" + flowId + "/resume"), 404, "not_paused");
        error(api.post("/flows/" + Api.uniqueId("nobody") + "/pause"), 404, "flow_not_found");
        error(api.post("/flows/" + flowId + "/pause", "application/json", "[1]"), 400, "invalid_request");
    }

    @Test
    void a_partial_run_runs_the_upstream_of_its_trigger_and_leaves_the_flow_alone() {
        String flowId = Api.uniqueId("compat-partial");
        executeFlow(vaultCodeSwap(flowId, "once"));
        JsonNode before = awaitFlowStatus(flowId, "completed");

        JsonNode run = ok(api.post("/flows/" + flowId + "/partial-run", Map.of(
                "trigger_node_id", "code_node_1", "mode", "upstream",
                "signal_config", Map.of(), "options", Map.of("force", false))));
        assertThat(run.path("status").asString()).isEqualTo("started");
        assertThat(run.path("mode").asString()).isEqualTo("upstream");
        assertThat(run.path("trigger_node_id").asString()).isEqualTo("code_node_1");
        assertThat(run.path("nodes_to_execute").toString()).isEqualTo("[\"vault_node_1\",\"code_node_1\"]");
        assertThat(run.path("execution_id").asString()).isNotBlank();
        long cycle = run.path("cycle").asLong();

        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            var status = api.get("/flows/" + flowId + "/comprehensive-status?cycle=" + cycle);
            return status.status() == 200 && status.json().path("statistics").path("completed_nodes").asInt() == 2;
        });
        assertThat(ok(api.get("/flows/" + flowId + "/cycles/" + cycle + "/nodes/code_node_1/logs"))
                .path("logs").size()).isPositive();

        JsonNode after = ok(api.get("/flows/" + flowId + "/status"));
        assertThat(after.path("status").asString()).isEqualTo("completed");
        assertThat(after.path("last_cycle").asLong()).isEqualTo(before.path("last_cycle").asLong());
        assertThat(after.path("config")).isEqualTo(before.path("config"));
    }

    @Test
    void a_bad_partial_run_lists_every_problem_and_starts_nothing() {
        String flowId = Api.uniqueId("compat-partial-bad");
        executeFlow(vaultCodeSwap(flowId, "once"));
        awaitFlowStatus(flowId, "completed");

        assertThat(pointers(error(api.post("/flows/" + flowId + "/partial-run", Map.of("mode", "sideways")), 400,
                "invalid_request"))).containsExactlyInAnyOrder("/trigger_node_id", "/mode");
        assertThat(pointers(error(api.post("/flows/" + flowId + "/partial-run",
                Map.of("trigger_node_id", "ghost_node")), 400, "invalid_request"))).contains("/trigger_node_id");
        Map<String, Object> badGraph = new HashMap<>();
        badGraph.put("trigger_node_id", "a");
        badGraph.put("nodes", List.of(Map.of("id", "a", "type", "teleport_node")));
        assertThat(pointers(error(api.post("/flows/" + flowId + "/partial-run", badGraph), 400, "invalid_request")))
                .containsExactly("/nodes/0/type");
        error(api.post("/flows/" + Api.uniqueId("nobody") + "/partial-run", Map.of("trigger_node_id", "a")), 404,
                "flow_not_found");
        assertThat(ok(api.get("/flows/" + flowId + "/status")).path("last_cycle").asLong()).isZero();
    }
}
