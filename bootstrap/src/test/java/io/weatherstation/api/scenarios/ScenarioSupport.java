package io.weatherstation.api.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api;
import io.weatherstation.api.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * End-to-end scenarios against the station in its embedded profile, driven only through the
 * native HTTP API and in real time: register, run, then watch cycles, node tasks, the journal and
 * the signals the way an operator's tooling would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ScenarioSupport {

    /** Long enough for a loaded machine, far shorter than the delays a broken stop or timeout would wait out. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    static final Duration POLL = Duration.ofMillis(25);

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** Registers {@code definition} under a fresh id and returns the id. */
    String register(String prefix, Map<String, ?> definition) {
        String id = Api.uniqueId(prefix);
        Response registered = api.register(id, definition);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return id;
    }

    /** {@code POST /flows/{id}/cycles}: runs one cycle now and returns its number. */
    long runCycle(String flowId) {
        Response started = api.post(flows(flowId) + "/cycles");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().path("cycle").asLong();
    }

    JsonNode start(String flowId) {
        Response started = api.post(flows(flowId) + "/start");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json();
    }

    JsonNode stop(String flowId, boolean terminate) {
        Response stopped = api.post(flows(flowId) + "/stop" + (terminate ? "?terminate=true" : ""));
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        return stopped.json();
    }

    JsonNode flow(String flowId) {
        return ok(api.get(flows(flowId)));
    }

    /** The cycle with its node tasks, or null while it does not exist yet. */
    JsonNode cycleOrNull(String flowId, long cycle) {
        Response response = api.get(flows(flowId) + "/cycles/" + cycle);
        if (response.status() == 404) {
            return null;
        }
        return ok(response);
    }

    JsonNode cycle(String flowId, long cycle) {
        return ok(api.get(flows(flowId) + "/cycles/" + cycle));
    }

    /** Waits until the cycle exists and is no longer running, then returns it. */
    JsonNode awaitCycleEnd(String flowId, long cycle) {
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            JsonNode found = cycleOrNull(flowId, cycle);
            return found != null && !found.path("status").asString().equals("running");
        });
        return cycle(flowId, cycle);
    }

    JsonNode task(String taskId) {
        return ok(api.get("/api/v1/node-tasks/" + taskId));
    }

    /** Waits until the node task exists and has {@code status}. */
    void awaitTask(String taskId, String status) {
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            Response response = api.get("/api/v1/node-tasks/" + taskId);
            return response.status() == 200 && response.json().path("status").asString().equals(status);
        });
    }

    /** node id → status, in definition order. */
    static Map<String, String> statuses(JsonNode cycle) {
        Map<String, String> statuses = new LinkedHashMap<>();
        cycle.path("node_tasks").values().forEach(t -> statuses.put(t.path("node_id").asString(), t.path("status").asString()));
        return statuses;
    }

    /** One node's task within a cycle response. */
    static JsonNode taskOf(JsonNode cycle, String nodeId) {
        return cycle.path("node_tasks").values().stream().filter(t -> t.path("node_id").asString().equals(nodeId))
                .findFirst().orElseThrow(() -> new AssertionError("no task for node " + nodeId + " in " + cycle));
    }

    /** How long the cycle ran, by the station's own clock. */
    static Duration duration(JsonNode cycle) {
        return Duration.between(Instant.parse(cycle.path("start_time").asString()),
                Instant.parse(cycle.path("end_time").asString()));
    }

    /** Every signal sent in the cycle, in the order they were journaled. */
    List<JsonNode> signals(String flowId, long cycle) {
        JsonNode page = ok(api.get(flows(flowId) + "/cycles/" + cycle + "/signals?limit=1000"));
        assertThat(page.path("pagination").path("has_more").asBoolean()).isFalse();
        return page.path("items").values().stream().toList();
    }

    /** Every log line of the cycle, oldest first, optionally of one node ({@code system} for the station's own). */
    List<JsonNode> logs(String flowId, long cycle, String nodeId) {
        String query = "?limit=1000" + (nodeId == null ? "" : "&node_id=" + nodeId);
        JsonNode page = ok(api.get(flows(flowId) + "/cycles/" + cycle + "/logs" + query));
        assertThat(page.path("pagination").path("has_more").asBoolean()).isFalse();
        return page.path("items").values().stream().toList();
    }

    static List<String> messages(List<JsonNode> logs) {
        return logs.stream().map(l -> l.path("message").asString()).toList();
    }

    /** {@code source.handle->target.handle} of a signal: the edge it travelled, exactly. */
    static String route(JsonNode signal) {
        return signal.path("source_node").asString() + "." + signal.path("source_handle").asString() + "->"
                + signal.path("target_node").asString() + "." + signal.path("target_handle").asString();
    }

    /** The one signal that travelled from {@code source} to {@code target}. */
    static JsonNode signal(List<JsonNode> signals, String source, String target) {
        List<JsonNode> found = signals.stream().filter(s -> s.path("source_node").asString().equals(source)
                && s.path("target_node").asString().equals(target)).toList();
        assertThat(found).as("signals " + source + " -> " + target).hasSize(1);
        return found.getFirst();
    }

    static JsonNode json(String text) {
        return Api.JSON.readTree(text);
    }

    static String flows(String flowId) {
        return "/api/v1/flows/" + flowId;
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
