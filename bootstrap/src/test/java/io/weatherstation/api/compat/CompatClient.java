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

/** The client side of the compatibility tests: requests written as the original's examples, and assertions. */
abstract class CompatClient {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final Duration POLL = Duration.ofMillis(25);

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** vault_node_1 (constant) → code_node_1 (code) → swap_node_1 (condition), as the original's integration example. */
    static Map<String, Object> vaultCodeSwap(String flowId, Object cycleInterval) {
        return Map.of(
                "flow_id", flowId,
                "cycle_interval", cycleInterval,
                "flow_json", Map.of(
                        "nodes", List.of(
                                Map.of("id", "vault_node_1", "type", "constant_node", "config", Map.of(
                                        "node_class_type", "constant_node",
                                        "values", Map.of("chain", "aptos", "vault_address", "0x6a1a233e",
                                                "holdings", Map.of("USDC", 250)))),
                                Map.of("id", "code_node_1", "type", "code_node", "config", Map.of(
                                        "node_class_type", "code_node",
                                        "expression", "{'from_token': 'USDC', 'to_token': 'APT', "
                                                + "'chain': input['output'].chain, "
                                                + "'vault_address': input['output'].vault_address, "
                                                + "'amount_in_human_readable': 1}")),
                                Map.of("id", "swap_node_1", "type", "condition_node", "config", Map.of(
                                        "node_class_type", "condition_node",
                                        "expression", "input.amount_in_human_readable > 0", "mode", "branch"))),
                        "edges", List.of(
                                Map.of("source", "vault_node_1", "source_handle", "output",
                                        "target", "code_node_1", "target_handle", "input_data"),
                                Map.of("source", "code_node_1", "source_handle", "output_data",
                                        "target", "swap_node_1", "target_handle", "input"))),
                "user_id", "684c36ce23a411dff96ff68a");
    }

    JsonNode executeFlow(Map<String, Object> request) {
        Response response = api.post("/flows/execute", request);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Polls {@code GET /flows/{id}/status} until the flow's status is {@code wanted}, as a control service does. */
    JsonNode awaitFlowStatus(String flowId, String wanted) {
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            Response status = api.get("/flows/" + flowId + "/status");
            return status.status() == 200 && status.json().path("status").asString().equals(wanted);
        });
        return ok(api.get("/flows/" + flowId + "/status"));
    }

    static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A problem in both shapes: RFC 9457 with a code, and the original's {@code error} member. */
    static JsonNode error(Response response, int status, String code) {
        JsonNode problem = response.problem(status, code);
        assertThat(problem.path("error").asString()).as(response.body()).isNotBlank();
        return problem;
    }

    static List<String> pointers(JsonNode problem) {
        List<String> pointers = new ArrayList<>();
        problem.path("problems").values().forEach(p -> pointers.add(p.path("pointer").asString()));
        return pointers;
    }

    static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.values().forEach(item -> values.add(item.path(name).isNull() ? null : item.path(name).asString()));
        return values;
    }

}
