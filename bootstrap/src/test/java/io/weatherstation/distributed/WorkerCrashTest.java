package io.weatherstation.distributed;

import static io.weatherstation.api.Flows.edge;
import static io.weatherstation.api.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api;
import io.weatherstation.api.Api.Response;
import io.weatherstation.distributed.StationInstances.Instance;
import io.weatherstation.execution.support.Executions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An instance that dies in the middle of a task, and one that shuts down while running one: in
 * both cases the broker hands the unacknowledged task to another instance, which runs it again
 * (attempt 2) and finishes the cycle; nothing is left waiting.
 */
class WorkerCrashTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    @Test
    void a_task_whose_instance_dies_is_run_again_by_another_and_its_cycle_completes() throws Exception {
        try (StationInstances stations = new StationInstances();
                StationProcess doomed = StationProcess.start(stations.namespace(), "doomed-station", Duration.ofMinutes(3))) {
            Api api = new Api(doomed.port);
            String flow = register(api, "crash", "doomed-station");
            long cycle = runCycle(api, flow);
            String hold = flow + "_" + cycle + "_hold";
            awaitRunningOn(api, hold, "doomed-station");
            Instance survivor = stations.start("survivor-station");

            doomed.kill();

            JsonNode ended = awaitCycleEnd(survivor.api(), flow, cycle);
            assertRanAgainOn(survivor, ended, flow, cycle, "survivor-station");
            assertThat(logs(survivor.api(), flow, cycle, "hold")).as(doomed.output())
                    .contains("worker doomed-station was lost while running the task; running it again");
        }
    }

    @Test
    void an_instance_shutting_down_hands_its_running_task_to_another_and_leaves_the_worker_registry() {
        try (StationInstances stations = new StationInstances()) {
            Instance leaving = stations.start("leaving-station");
            String flow = register(leaving.api(), "leave", "leaving-station");
            long cycle = runCycle(leaving.api(), flow);
            String hold = flow + "_" + cycle + "_hold";
            awaitRunningOn(leaving.api(), hold, "leaving-station");
            Instance staying = stations.start("staying-station");
            StringRedisTemplate redis = staying.bean(StringRedisTemplate.class);
            String prefix = stations.namespace().redisPrefix();
            assertThat(redis.hasKey(prefix + "workers:leaving-station")).isTrue();

            leaving.stop();

            assertThat(redis.hasKey(prefix + "workers:leaving-station")).as("left the registry").isFalse();
            assertThat(redis.hasKey(prefix + "worker_tasks:leaving-station")).isFalse();
            assertThat(staying.api().get("/api/v1/workers").json().path("workers").values())
                    .extracting(w -> w.path("id").asString()).containsExactly("staying-station");
            JsonNode ended = awaitCycleEnd(staying.api(), flow, cycle);
            assertRanAgainOn(staying, ended, flow, cycle, "staying-station");
        }
    }

    private static void assertRanAgainOn(Instance survivor, JsonNode ended, String flow, long cycle, String worker) {
        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("completed");
        JsonNode hold = taskOf(ended, "hold");
        assertThat(hold.path("status").asString()).isEqualTo("completed");
        assertThat(hold.path("attempts").asInt()).isEqualTo(2);
        assertThat(hold.path("worker_id").asString()).isEqualTo(worker);
        assertThat(taskOf(ended, "after").path("status").asString()).isEqualTo("completed");
        assertThat(taskOf(ended, "after").path("worker_id").asString()).isEqualTo(worker);
        assertThat(ended.path("node_tasks").values()).extracting(t -> t.path("status").asString())
                .as("nothing left running or waiting").containsOnly("completed");
        assertThat(HoldingNode.runs(flow + "_" + cycle + "_hold")).contains(worker).last().isEqualTo(worker);
        assertThat(Executions.count(flow, cycle, "after")).isEqualTo(1);
        JsonNode status = survivor.api().get("/api/v1/flows/" + flow + "/status?cycle=" + cycle).json();
        assertThat(status.path("statistics").path("running").asInt()).isZero();
        assertThat(status.path("statistics").path("pending").asInt()).isZero();
    }

    private static String register(Api api, String name, String holdOn) {
        String id = Api.uniqueId(name);
        Response registered = api.register(id, Map.of("name", name, "nodes", List.of(
                        node("quote", "constant_node", Map.of("values", Map.of("price", 5))),
                        node("hold", "holding_node", Map.of("hold_on", holdOn)),
                        node("after", "probe_node", Map.of("tag", "after"))),
                "edges", List.of(edge("quote", "output", "hold", "input"), edge("hold", "output", "after", "input"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return id;
    }

    private static long runCycle(Api api, String flow) {
        Response started = api.post("/api/v1/flows/" + flow + "/cycles");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().path("cycle").asLong();
    }

    private static void awaitRunningOn(Api api, String task, String worker) {
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            Response response = api.get("/api/v1/node-tasks/" + task);
            return response.status() == 200 && response.json().path("status").asString().equals("running")
                    && response.json().path("worker_id").asString().equals(worker);
        });
    }

    private static JsonNode awaitCycleEnd(Api api, String flow, long cycle) {
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
            Response response = api.get("/api/v1/flows/" + flow + "/cycles/" + cycle);
            return response.status() == 200 && !response.json().path("status").asString().equals("running");
        });
        return api.get("/api/v1/flows/" + flow + "/cycles/" + cycle).json();
    }

    private static JsonNode taskOf(JsonNode cycle, String nodeId) {
        return cycle.path("node_tasks").values().stream().filter(t -> t.path("node_id").asString().equals(nodeId))
                .findFirst().orElseThrow(() -> new AssertionError("no task for " + nodeId + " in " + cycle));
    }

    private static List<String> logs(Api api, String flow, long cycle, String nodeId) {
        return api.get("/api/v1/flows/" + flow + "/cycles/" + cycle + "/logs?limit=1000&node_id=" + nodeId).json()
                .path("items").values().stream().map(l -> l.path("message").asString()).toList();
    }
}
