package io.weatherstation.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.api.Api.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Registration, lifecycle and reads of flows through {@code /api/v1/flows}, against the running station. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FlowApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void registers_a_flow_with_201_and_replaces_it_with_200_keeping_its_status() {
        String id = Api.uniqueId("register");

        Response created = api.post("/api/v1/flows/" + id, Flows.branching());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/flows/" + id);
        JsonNode flow = created.json();
        assertThat(flow.path("flow_id").asString()).isEqualTo(id);
        assertThat(flow.path("name").asString()).isEqualTo("branching");
        assertThat(flow.path("status").asString()).isEqualTo("registered");
        assertThat(flow.path("definition_version").asLong()).isEqualTo(1);
        assertThat(flow.path("last_cycle").isNull()).isTrue();
        assertThat(flow.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode structure = flow.path("structure");
        assertThat(structure.path("component_count").asInt()).isEqualTo(1);
        assertThat(structure.path("components").path("0").path("entry_nodes").get(0).asString()).isEqualTo("a");
        assertThat(structure.path("components").path("0").path("node_count").asInt()).isEqualTo(4);
        assertThat(structure.path("components").path("0").path("is_dag").asBoolean()).isTrue();

        Response replaced = api.post("/api/v1/flows/" + id, Flows.single("replaced"));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("definition_version").asLong()).isEqualTo(2);
        assertThat(replaced.json().path("name").asString()).isEqualTo("replaced");
        assertThat(replaced.json().path("structure").path("components").path("0").path("nodes").get(0).asString())
                .isEqualTo("only");
        assertThat(replaced.json().path("created_at").asString()).isEqualTo(flow.path("created_at").asString());
    }

    @Test
    void lists_flows_and_shows_one_with_its_config_structure_and_current_cycle() {
        String id = Api.uniqueId("show");
        api.register(id, Flows.branching());

        JsonNode list = api.get("/api/v1/flows").json();
        assertThat(list.path("flows").values()).anySatisfy(f -> {
            assertThat(f.path("flow_id").asString()).isEqualTo(id);
            assertThat(f.path("status").asString()).isEqualTo("registered");
            assertThat(f.has("next_execution")).isTrue();
        });

        Response shown = api.get("/api/v1/flows/" + id);
        assertThat(shown.status()).isEqualTo(200);
        JsonNode flow = shown.json();
        assertThat(flow.path("status").asString()).isEqualTo("registered");
        assertThat(flow.path("config").path("nodes").size()).isEqualTo(4);
        assertThat(flow.path("config").path("edges").size()).isEqualTo(3);
        assertThat(flow.path("config").path("nodes").get(1).path("config").path("expression").asString())
                .isEqualTo("input.close > input.open");
        assertThat(flow.path("structure").path("component_count").asInt()).isEqualTo(1);
        assertThat(flow.path("current_cycle").isNull()).isTrue();
        assertThat(flow.path("next_execution").isNull()).isTrue();
        assertThat(flow.path("updated_at").asString()).isNotBlank();
    }

    @Test
    void masks_secret_parameters_wherever_the_definition_is_shown() {
        String id = Api.uniqueId("secret");
        Map<String, Object> editorNode = new LinkedHashMap<>(Map.of("id", "editor", "type", "test_secret_echo_node",
                "data", Map.of("inputs", List.of(Map.of("id", "api_key", "value", "editor-s3cr3t"),
                        Map.of("id", "label", "value", "shown-label")))));
        Map<String, Object> definition = Map.of("nodes", List.of(
                Flows.node("plain", "test_secret_echo_node", Map.of("api_key", "config-s3cr3t", "label", "hello")),
                editorNode));

        Response registered = api.post("/api/v1/flows/" + id, definition);
        Response shown = api.get("/api/v1/flows/" + id);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.body()).doesNotContain("s3cr3t");
        assertThat(shown.body()).doesNotContain("s3cr3t");
        JsonNode nodes = shown.json().path("config").path("nodes");
        assertThat(nodes.get(0).path("config").path("api_key").asString()).isEqualTo("******");
        assertThat(nodes.get(0).path("config").path("label").asString()).isEqualTo("hello");
        assertThat(nodes.get(1).path("data").path("inputs").get(0).path("value").asString()).isEqualTo("******");
        assertThat(nodes.get(1).path("data").path("inputs").get(1).path("value").asString()).isEqualTo("shown-label");
    }

    @Test
    void starts_stops_and_deletes_a_flow() {
        String id = Api.uniqueId("lifecycle");
        api.register(id, Flows.hourly());

        Response started = api.post("/api/v1/flows/" + id + "/start");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("status").asString()).isEqualTo("running");

        Response stopped = api.post("/api/v1/flows/" + id + "/stop?terminate=true");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().path("status").asString()).isEqualTo("stopped");
        assertThat(stopped.json().path("next_execution").isNull()).isTrue();

        Response restarted = api.post("/api/v1/flows/" + id + "/start");
        assertThat(restarted.json().path("status").asString()).isEqualTo("running");
        assertThat(api.post("/api/v1/flows/" + id + "/stop").json().path("status").asString()).isEqualTo("stopped");

        Response deleted = api.delete("/api/v1/flows/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        api.get("/api/v1/flows/" + id).problem(404, "flow_not_found");
        assertThat(api.get("/api/v1/flows").body()).doesNotContain("\"" + id + "\"");
    }

    @Test
    void refuses_illegal_transitions_with_409_and_the_current_status() {
        String id = Api.uniqueId("transition");
        api.register(id, Flows.hourly());

        JsonNode stopRegistered = api.post("/api/v1/flows/" + id + "/stop").problem(409, "illegal_transition");
        assertThat(stopRegistered.path("current_status").asString()).isEqualTo("registered");

        api.post("/api/v1/flows/" + id + "/start");
        JsonNode startRunning = api.post("/api/v1/flows/" + id + "/start").problem(409, "illegal_transition");
        assertThat(startRunning.path("current_status").asString()).isEqualTo("running");
        assertThat(startRunning.path("flow_id").asString()).isEqualTo(id);

        api.post("/api/v1/flows/" + id + "/stop");
        JsonNode stopStopped = api.post("/api/v1/flows/" + id + "/stop").problem(409, "illegal_transition");
        assertThat(stopStopped.path("current_status").asString()).isEqualTo("stopped");
        assertThat(api.get("/api/v1/flows/" + id).json().path("status").asString()).isEqualTo("stopped");
        api.delete("/api/v1/flows/" + id);
    }

    @Test
    void unknown_flows_are_404_on_every_route() {
        String id = Api.uniqueId("missing");

        api.get("/api/v1/flows/" + id).problem(404, "flow_not_found");
        api.post("/api/v1/flows/" + id + "/start").problem(404, "flow_not_found");
        api.post("/api/v1/flows/" + id + "/stop").problem(404, "flow_not_found");
        api.delete("/api/v1/flows/" + id).problem(404, "flow_not_found");
        api.post("/api/v1/flows/" + id + "/cycles").problem(404, "flow_not_found");
        api.get("/api/v1/flows/" + id + "/cycles").problem(404, "flow_not_found");
        api.get("/api/v1/flows/" + id + "/cycles/0").problem(404, "flow_not_found");
        api.get("/api/v1/flows/" + id + "/status").problem(404, "flow_not_found");
        api.get("/api/v1/flows/" + id + "/logs").problem(404, "flow_not_found");
        api.get("/api/v1/flows/" + id + "/cycles/0/logs").problem(404, "flow_not_found");
        JsonNode problem = api.get("/api/v1/flows/" + id + "/cycles/0/signals").problem(404, "flow_not_found");
        assertThat(problem.path("flow_id").asString()).isEqualTo(id);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/flows/" + id + "/cycles/0/signals");
    }

    @Test
    void rejects_an_invalid_definition_with_every_problem_and_stores_nothing() {
        String id = Api.uniqueId("invalid");
        List<Object> nodes = new ArrayList<>();
        nodes.add(Flows.node("a", "constant_node", Map.of("values", "not an object")));
        nodes.add(Flows.node("a", "no_such_node", Map.of()));
        nodes.add(Flows.node("bad.id", "condition_node", Map.of()));
        Map<String, Object> definition = Map.of("interval", -5, "nodes", nodes,
                "edges", List.of(Flows.edge("a", "nope", "ghost", "input")));

        JsonNode problem = api.post("/api/v1/flows/" + id, definition).problem(400, "invalid_flow_definition");

        List<String> codes = problem.path("problems").values().stream().map(p -> p.path("code").asString()).toList();
        assertThat(codes).contains("invalid_interval", "invalid_parameter", "duplicate_id", "unknown_node_type",
                "invalid_id", "missing_parameter", "unknown_node");
        assertThat(problem.path("problems").values()).allSatisfy(p -> {
            assertThat(p.path("pointer").asString()).startsWith("/");
            assertThat(p.path("message").asString()).isNotBlank();
        });
        assertThat(problem.path("problems").values()).anySatisfy(p ->
                assertThat(p.path("pointer").asString()).isEqualTo("/interval"));
        assertThat(problem.path("detail").asString()).contains(codes.size() + " problems");
        api.get("/api/v1/flows/" + id).problem(404, "flow_not_found");
    }

    @Test
    void reports_a_directed_cycle_with_its_path() {
        String id = Api.uniqueId("loop");
        Map<String, Object> definition = Map.of(
                "nodes", List.of(Flows.node("a", "delay_node", Map.of()), Flows.node("b", "delay_node", Map.of())),
                "edges", List.of(Flows.edge("a", "output", "b", "input"), Flows.edge("b", "output", "a", "input")));

        JsonNode problem = api.post("/api/v1/flows/" + id, definition).problem(400, "invalid_flow_definition");

        assertThat(problem.path("problems").values()).anySatisfy(p -> {
            assertThat(p.path("code").asString()).isEqualTo("directed_cycle");
            assertThat(p.path("message").asString()).contains("a → b → a");
        });
    }

    @Test
    void a_rejected_replace_leaves_the_stored_definition_in_place() {
        String id = Api.uniqueId("keep");
        api.register(id, Flows.branching());

        api.post("/api/v1/flows/" + id, Map.of("nodes", List.of())).problem(400, "invalid_flow_definition");
        api.post("/api/v1/flows/" + id, "application/json", "{\"nodes\": [").problem(400, "malformed_json");
        api.post("/api/v1/flows/" + id, "text/plain", "{}").problem(415, "unsupported_media_type");

        JsonNode flow = api.get("/api/v1/flows/" + id).json();
        assertThat(flow.path("definition_version").asLong()).isEqualTo(1);
        assertThat(flow.path("name").asString()).isEqualTo("branching");
        assertThat(flow.path("config").path("nodes").size()).isEqualTo(4);
    }

    @Test
    void malformed_json_is_a_400_with_where_it_broke() {
        String id = Api.uniqueId("malformed");

        JsonNode truncated = api.post("/api/v1/flows/" + id, "application/json", "{\"nodes\": [}")
                .problem(400, "malformed_json");
        JsonNode duplicate = api.post("/api/v1/flows/" + id, "application/json", "{\"nodes\": [], \"nodes\": []}")
                .problem(400, "malformed_json");
        JsonNode empty = api.post("/api/v1/flows/" + id, "application/json", "").problem(400, "malformed_json");
        JsonNode jsonNull = api.post("/api/v1/flows/" + id, "application/json", "null")
                .problem(400, "invalid_flow_definition");

        assertThat(truncated.path("detail").asString()).contains("line 1");
        assertThat(duplicate.path("detail").asString()).contains("nodes");
        assertThat(empty.path("detail").asString()).contains("empty");
        assertThat(jsonNull.path("problems").get(0).path("code").asString()).isEqualTo("invalid_type");
        api.get("/api/v1/flows/" + id).problem(404, "flow_not_found");
    }

    @Test
    void rejects_bad_ids_in_paths_with_invalid_id() {
        for (String bad : List.of("bad.id", "bad*id", "bad%23id", "bad%20id", "x".repeat(129))) {
            JsonNode problem = api.post("/api/v1/flows/" + bad, Flows.single("bad")).problem(400, "invalid_id");
            assertThat(problem.path("detail").asString()).as(bad).contains("flow id");
            api.get("/api/v1/flows/" + bad).problem(400, "invalid_id");
            api.post("/api/v1/flows/" + bad + "/start").problem(400, "invalid_id");
            api.delete("/api/v1/flows/" + bad).problem(400, "invalid_id");
        }
        assertThat(api.get("/api/v1/flows").body()).doesNotContain("bad.id", "bad*id");
        api.post("/api/v1/flows/" + "x".repeat(128), Flows.single("longest"));
        assertThat(api.delete("/api/v1/flows/" + "x".repeat(128)).status()).isEqualTo(204);
    }

    @Test
    void a_wrong_method_is_405_and_an_unknown_route_404_both_as_problems() {
        api.method("PUT", "/api/v1/flows/" + Api.uniqueId("put")).problem(405, "method_not_allowed");
        api.post("/api/v1/flows").problem(405, "method_not_allowed");
        api.get("/api/v1/no-such-route").problem(404, "not_found");
        JsonNode badFlag = api.post("/api/v1/flows/" + Api.uniqueId("flag") + "/stop?terminate=maybe")
                .problem(400, "invalid_parameter");
        assertThat(badFlag.path("detail").asString()).contains("terminate");
    }
}
