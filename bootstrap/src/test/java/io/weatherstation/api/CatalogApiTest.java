package io.weatherstation.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.api.Api.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The node catalog, isolated node runs and the worker list through the HTTP API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void publishes_every_node_type_with_handles_and_parameters() {
        JsonNode types = api.get("/api/v1/node-types").json().path("node_types");

        assertThat(types.values()).extracting(t -> t.path("type").asString())
                .contains("code_node", "condition_node", "constant_node", "delay_node", "fail_node")
                .isSorted();
        JsonNode condition = api.get("/api/v1/node-types/condition_node").json();
        assertThat(condition.path("version").asString()).isNotBlank();
        assertThat(condition.path("category").asString()).isNotBlank();
        assertThat(condition.path("description").asString()).isNotBlank();
        JsonNode input = condition.path("inputs").get(0);
        assertThat(input.path("name").asString()).isEqualTo("input");
        assertThat(input.path("signal_type").asString()).isNotBlank();
        assertThat(input.path("required").isBoolean()).isTrue();
        assertThat(input.path("aggregate").asBoolean()).isFalse();
        assertThat(input.has("description")).isTrue();
        assertThat(condition.path("outputs").values()).extracting(o -> o.path("name").asString())
                .containsExactlyInAnyOrder("true", "false");
        JsonNode mode = condition.path("parameters").values().stream()
                .filter(p -> p.path("name").asString().equals("mode")).findFirst().orElseThrow();
        assertThat(mode.path("type").asString()).isEqualTo("string");
        assertThat(mode.path("allowed_values").values()).extracting(JsonNode::asString).contains("branch", "stop");
        assertThat(mode.has("default")).isTrue();
        assertThat(mode.has("minimum")).isTrue();
        assertThat(mode.has("maximum")).isTrue();
        assertThat(mode.path("secret").asBoolean()).isFalse();

        JsonNode aggregate = api.get("/api/v1/node-types/code_node").json().path("inputs").get(0);
        assertThat(aggregate.path("aggregate").asBoolean()).isTrue();
        JsonNode seconds = api.get("/api/v1/node-types/delay_node").json().path("parameters").get(0);
        assertThat(seconds.path("minimum").asDouble()).isZero();
        assertThat(seconds.path("maximum").asDouble()).isEqualTo(86_400);
    }

    @Test
    void marks_secret_parameters_and_never_shows_their_defaults() {
        Response secret = api.get("/api/v1/node-types/test_secret_echo_node");

        assertThat(secret.body()).doesNotContain("default-secret");
        JsonNode token = secret.json().path("parameters").values().stream()
                .filter(p -> p.path("name").asString().equals("token")).findFirst().orElseThrow();
        assertThat(token.path("secret").asBoolean()).isTrue();
        assertThat(token.path("default").asString()).isEqualTo("******");
    }

    @Test
    void an_unknown_node_type_is_404_and_a_malformed_one_400() {
        JsonNode problem = api.get("/api/v1/node-types/no_such_node").problem(404, "node_type_not_found");
        assertThat(problem.path("node_type").asString()).isEqualTo("no_such_node");
        api.post("/api/v1/node-types/no_such_node/executions", Map.of()).problem(404, "node_type_not_found");
        api.get("/api/v1/node-types/bad.type").problem(400, "invalid_id");
        api.post("/api/v1/node-types/bad*type/executions", Map.of()).problem(400, "invalid_id");
    }

    @Test
    void runs_a_node_in_isolation_with_config_resolved_like_registration() {
        Response response = api.post("/api/v1/node-types/code_node/executions", Map.of(
                "config", Map.of("expression", "{'sum': input.a + input.b}"),
                "inputs", Map.of("input_data", Map.of("a", 2, "b", 3))));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode run = response.json();
        assertThat(run.path("node_type").asString()).isEqualTo("code_node");
        assertThat(run.path("status").asString()).isEqualTo("completed");
        assertThat(run.path("outputs").path("output_data").path("sum").asInt()).isEqualTo(5);
        assertThat(run.path("stop_reason").isNull()).isTrue();
        assertThat(run.path("error").isNull()).isTrue();
        assertThat(run.path("logs").isArray()).isTrue();
        assertThat(run.path("duration_ms").asLong()).isNotNegative();

        JsonNode constant = api.post("/api/v1/node-types/constant_node/executions", Map.of()).json();
        assertThat(constant.path("status").asString()).isEqualTo("completed");
        assertThat(constant.path("outputs").path("output").isObject()).as("default {} filled in").isTrue();

        JsonNode echo = api.post("/api/v1/node-types/test_secret_echo_node/executions",
                Map.of("config", Map.of("api_key", "k", "label", "hi"))).json();
        assertThat(echo.path("outputs").path("output").path("label").asString()).isEqualTo("hi");
        assertThat(echo.path("logs").get(0).path("message").asString()).isEqualTo("echoing hi");
        assertThat(echo.path("logs").get(0).path("level").asString()).isEqualTo("INFO");
    }

    @Test
    void a_node_that_fails_stops_or_times_out_is_a_200_with_that_status() {
        JsonNode failed = api.post("/api/v1/node-types/fail_node/executions",
                Map.of("config", Map.of("message", "nope"))).json();
        JsonNode stopped = api.post("/api/v1/node-types/condition_node/executions", Map.of(
                "config", Map.of("expression", "input.x > 1", "mode", "stop"),
                "inputs", Map.of("input", Map.of("x", 0)))).json();
        Response timedOut = api.post("/api/v1/node-types/delay_node/executions",
                Map.of("config", Map.of("seconds", 30), "timeout_seconds", 0.2));

        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("error").asString()).isEqualTo("nope");
        assertThat(stopped.path("status").asString()).isEqualTo("stopped");
        assertThat(stopped.path("stop_reason").asString()).isNotBlank();
        assertThat(timedOut.status()).isEqualTo(200);
        assertThat(timedOut.json().path("status").asString()).isEqualTo("failed");
        assertThat(timedOut.json().path("error").asString()).contains("timed out");
        assertThat(timedOut.json().path("duration_ms").asLong()).isBetween(150L, 5_000L);
    }

    @Test
    void rejects_an_invalid_node_request_with_every_problem() {
        JsonNode problem = api.post("/api/v1/node-types/delay_node/executions", Map.of(
                "config", Map.of("seconds", -1),
                "inputs", List.of(1),
                "timeout_seconds", 0)).problem(400, "invalid_node_config");

        assertThat(problem.path("node_type").asString()).isEqualTo("delay_node");
        assertThat(problem.path("problems").values()).extracting(p -> p.path("pointer").asString())
                .containsExactlyInAnyOrder("/config/seconds", "/inputs", "/timeout_seconds");
        api.post("/api/v1/node-types/condition_node/executions", Map.of()).problem(400, "invalid_node_config");
        api.post("/api/v1/node-types/constant_node/executions", "application/json", "[1, 2]")
                .problem(400, "invalid_node_config");
        api.post("/api/v1/node-types/constant_node/executions", "application/json", "{\"config\": ")
                .problem(400, "malformed_json");
    }

    @Test
    void lists_the_live_workers() {
        JsonNode workers = api.get("/api/v1/workers").json().path("workers");

        assertThat(workers.size()).isPositive();
        JsonNode self = workers.get(0);
        assertThat(self.path("id").asString()).isNotBlank();
        assertThat(self.path("api_url").asString()).startsWith("http");
        assertThat(self.path("supported_nodes").values()).extracting(JsonNode::asString).contains("constant_node");
        assertThat(self.path("status").asString()).isEqualTo("active");
        assertThat(self.path("last_heartbeat").asString()).isNotBlank();
    }
}
