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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Three station instances on the same Redis, RabbitMQ and PostgreSQL run the same periodic flows:
 * each cycle is started by exactly one of them, the cycles' tasks are spread over all of them, no
 * cycle number is lost or used twice, and every task runs exactly once.
 */
class StationsShareFlowsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long CYCLES = 5;

    private static StationInstances stations;
    private static List<Instance> instances;

    @BeforeAll
    static void startInstances() {
        stations = new StationInstances();
        instances = List.of(stations.start("station-a"), stations.start("station-b"), stations.start("station-c"));
    }

    @AfterAll
    static void stopInstances() {
        if (stations != null) {
            stations.close();
        }
    }

    @Test
    void instances_split_the_cycles_of_shared_flows_and_run_every_task_exactly_once() {
        Api a = instances.get(0).api();
        Map<String, List<String>> flows = new LinkedHashMap<>();
        flows.put(register(a, "single", List.of(probe("only")), List.of()), List.of("only"));
        flows.put(register(a, "chain", List.of(probe("first"), probe("second"), probe("third")), List.of(
                edge("first", "output", "second", "input"), edge("second", "output", "third", "input"))), List.of("first", "second", "third"));
        flows.put(register(a, "diamond", List.of(probe("source"), probe("left"), probe("right"), probe("join")), List.of(
                edge("source", "output", "left", "input"), edge("source", "output", "right", "input"),
                edge("left", "output", "join", "input"), edge("right", "output", "join", "input"))),
                List.of("source", "left", "right", "join"));

        // Started through different instances: every instance keeps timers for every running flow anyway.
        int i = 0;
        for (String flow : flows.keySet()) {
            Response started = instances.get(i++ % instances.size()).api().post("/api/v1/flows/" + flow + "/start");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
        }
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> flows.keySet().stream()
                .allMatch(flow -> a.get("/api/v1/flows/" + flow).json().path("last_cycle").asLong(-1) >= CYCLES - 1));

        Map<String, Long> last = new LinkedHashMap<>();
        for (String flow : flows.keySet()) {
            Response stopped = instances.get(2).api().post("/api/v1/flows/" + flow + "/stop");
            assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
            last.put(flow, stopped.json().path("last_cycle").asLong());
        }

        // Everything settles: every cycle up to the last ends, and no instance starts another.
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> last.entrySet().stream().allMatch(e ->
                LongStream.rangeClosed(0, e.getValue()).allMatch(n -> ended(a, e.getKey(), n))));
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> last.entrySet().stream().allMatch(e -> {
                    JsonNode flow = instances.get(1).api().get("/api/v1/flows/" + e.getKey()).json();
                    return flow.path("status").asString().equals("stopped") && flow.path("last_cycle").asLong() == e.getValue();
                }));

        Set<String> workers = new HashSet<>();
        for (Map.Entry<String, List<String>> flow : flows.entrySet()) {
            String id = flow.getKey();
            long lastCycle = last.get(id);
            assertThat(lastCycle).isGreaterThanOrEqualTo(CYCLES - 1);
            JsonNode listed = a.get("/api/v1/flows/" + id + "/cycles?limit=1000").json().path("cycles");
            List<Long> numbers = new ArrayList<>();
            listed.values().forEach(c -> numbers.add(c.path("cycle").asLong()));
            assertThat(numbers).as("cycles of " + id + ": none missing, none twice")
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(0, lastCycle).boxed().toList());
            for (long n = 0; n <= lastCycle; n++) {
                JsonNode cycle = instances.get((int) (n % instances.size())).api()
                        .get("/api/v1/flows/" + id + "/cycles/" + n).json();
                assertThat(cycle.path("status").asString()).as(id + " cycle " + n).isEqualTo("completed");
                for (JsonNode task : cycle.path("node_tasks").values()) {
                    String nodeId = task.path("node_id").asString();
                    assertThat(task.path("status").asString()).as(id + " " + n + " " + nodeId).isEqualTo("completed");
                    assertThat(task.path("attempts").asInt()).as(id + " " + n + " " + nodeId).isEqualTo(1);
                    assertThat(Executions.count(id, n, nodeId)).as("runs of " + id + "_" + n + "_" + nodeId).isEqualTo(1);
                    workers.add(task.path("worker_id").asString());
                }
                assertThat(cycle.path("node_tasks").values()).extracting(t -> t.path("node_id").asString())
                        .containsExactlyElementsOf(flow.getValue());
            }
            assertThat(Executions.total(id)).as("runs of " + id + " in all")
                    .isEqualTo((lastCycle + 1) * flow.getValue().size());
        }
        assertThat(workers).as("the instances that ran tasks").hasSizeGreaterThan(1)
                .isSubsetOf("station-a", "station-b", "station-c");
    }

    private static boolean ended(Api api, String flow, long cycle) {
        Response response = api.get("/api/v1/flows/" + flow + "/cycles/" + cycle);
        return response.status() == 200 && !response.json().path("status").asString().equals("running");
    }

    private static Map<String, Object> probe(String id) {
        return node(id, "probe_node", Map.of("tag", id));
    }

    private static String register(Api api, String name, List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
        String id = Api.uniqueId("shared-" + name);
        Response registered = api.register(id, Map.of("name", name, "interval", 1, "nodes", nodes, "edges", edges));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return id;
    }
}
