package io.weatherstation.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.api.Api.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What surrounds the routes: body limits, the OpenAPI document, Swagger UI and health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformApiTest {

    @LocalServerPort
    int port;

    @Value("${station.http.max-body-bytes}")
    int maxBodyBytes;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** A syntactically valid JSON document a little over the limit. */
    private String oversized() {
        return "{\"name\": \"" + "x".repeat(maxBodyBytes) + "\", \"nodes\": []}";
    }

    @Test
    void refuses_a_body_over_the_limit_with_413_before_reading_it() {
        String id = Api.uniqueId("huge");

        JsonNode flow = api.post("/api/v1/flows/" + id, "application/json", oversized()).problem(413, "too_large");
        JsonNode node = api.post("/api/v1/node-types/constant_node/executions", "application/json", oversized())
                .problem(413, "too_large");

        assertThat(flow.path("detail").asString()).contains(Integer.toString(maxBodyBytes));
        assertThat(node.path("detail").asString()).contains(Integer.toString(maxBodyBytes));
        api.get("/api/v1/flows/" + id).problem(404, "flow_not_found");
    }

    @Test
    void refuses_a_chunked_body_once_it_passes_the_limit() {
        String id = Api.uniqueId("chunked");
        byte[] body = oversized().getBytes(StandardCharsets.UTF_8);

        Response flow = api.post("/api/v1/flows/" + id, "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        Response node = api.post("/api/v1/node-types/constant_node/executions", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        flow.problem(413, "too_large");
        node.problem(413, "too_large");
        api.get("/api/v1/flows/" + id).problem(404, "flow_not_found");
    }

    @Test
    void accepts_a_body_just_under_the_limit() {
        String id = Api.uniqueId("large");
        String definition = "{\"name\": \"large\", \"padding\": \"" + "x".repeat(maxBodyBytes - 200)
                + "\", \"nodes\": [{\"id\": \"a\", \"type\": \"constant_node\"}]}";

        Response response = api.post("/api/v1/flows/" + id, "application/json", definition);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(api.delete("/api/v1/flows/" + id).status()).isEqualTo(204);
    }

    @Test
    void serves_the_openapi_document_and_swagger_ui() {
        Response docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode openApi = docs.json();
        assertThat(openApi.path("openapi").asString()).startsWith("3.");
        assertThat(openApi.path("info").path("title").asString()).isEqualTo("Weather Station API");
        JsonNode paths = openApi.path("paths");
        assertThat(paths.has("/api/v1/flows/{flowId}")).isTrue();
        assertThat(paths.path("/api/v1/flows/{flowId}").has("post")).isTrue();
        assertThat(paths.path("/api/v1/flows/{flowId}").has("get")).isTrue();
        assertThat(paths.path("/api/v1/flows/{flowId}").has("delete")).isTrue();
        for (String path : new String[] {"/api/v1/flows", "/api/v1/flows/{flowId}/start", "/api/v1/flows/{flowId}/stop",
                "/api/v1/flows/{flowId}/cycles", "/api/v1/flows/{flowId}/cycles/{cycle}",
                "/api/v1/flows/{flowId}/status", "/api/v1/flows/{flowId}/cycles/{cycle}/logs",
                "/api/v1/flows/{flowId}/cycles/{cycle}/signals", "/api/v1/flows/{flowId}/logs",
                "/api/v1/node-tasks/{nodeTaskId}", "/api/v1/node-tasks/{nodeTaskId}/stop", "/api/v1/workers",
                "/api/v1/node-types", "/api/v1/node-types/{type}", "/api/v1/node-types/{type}/executions"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(openApi.path("components").path("schemas").toString()).contains("flow_id", "definition_version");
        JsonNode register = paths.path("/api/v1/flows/{flowId}").path("post").path("responses");
        assertThat(register.has("201")).isTrue();
        assertThat(register.path("default").path("content").has("application/problem+json")).isTrue();
        assertThat(openApi.path("components").path("schemas").path("Problem").path("properties").has("code")).isTrue();

        Response ui = api.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
        assertThat(api.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void reports_health_up() {
        Response health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void runs_the_housekeeping_pass_on_demand() {
        Response cleanup = api.post("/api/v1/admin/cleanup");

        assertThat(cleanup.status()).as(cleanup.body()).isEqualTo(200);
        assertThat(cleanup.json().has("expired_task_ids")).isTrue();
        assertThat(cleanup.json().path("journal_entries_removed").isNumber()).isTrue();
    }
}
