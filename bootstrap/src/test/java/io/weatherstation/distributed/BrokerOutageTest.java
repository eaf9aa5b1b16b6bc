package io.weatherstation.distributed;

import static io.weatherstation.api.Flows.edge;
import static io.weatherstation.api.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api;
import io.weatherstation.api.Api.Response;
import io.weatherstation.distributed.StationInstances.Instance;
import io.weatherstation.testing.infra.TcpGate;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The broker goes away while the station keeps serving: a cycle started then cannot hand its
 * first task to any worker, and instead of leaving it pending forever the station fails it with
 * the reason and ends the cycle. Once the broker is back, cycles run again.
 */
class BrokerOutageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void a_task_that_cannot_be_dispatched_fails_with_the_reason_and_its_cycle_ends() {
        var rabbit = TestInfrastructure.rabbit();
        try (TcpGate broker = new TcpGate(rabbit.host(), rabbit.port());
                StationInstances stations = new StationInstances()) {
            broker.open();
            Instance station = stations.start("outage-station", Map.of(
                    "spring.rabbitmq.host", "127.0.0.1",
                    "spring.rabbitmq.port", Integer.toString(broker.port()),
                    "station.amqp.publish-attempts", "2",
                    "station.amqp.publish-retry-pause", "50ms"));
            Api api = station.api();
            String flow = Api.uniqueId("outage");
            Response registered = api.register(flow, Map.of("name", "outage", "nodes", List.of(
                            node("quote", "constant_node", Map.of("values", Map.of("price", 5))),
                            node("use", "code_node", Map.of("expression", "{'used': true}"))),
                    "edges", List.of(edge("quote", "output", "use", "input_data"))));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);

            broker.close();
            long cycle = runCycle(api, flow);

            JsonNode ended = awaitCycleEnd(api, flow, cycle);
            assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("failed");
            JsonNode quote = taskOf(ended, "quote");
            assertThat(quote.path("status").asString()).isEqualTo("failed");
            assertThat(quote.path("message").asString()).startsWith("could not be dispatched: ");
            assertThat(taskOf(ended, "use").path("status").asString()).isEqualTo("skipped");

            broker.open();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                long again = runCycle(api, flow);
                assertThat(awaitCycleEnd(api, flow, again).path("status").asString()).isEqualTo("completed");
            });
        }
    }

    private static long runCycle(Api api, String flow) {
        Response started = api.post("/api/v1/flows/" + flow + "/cycles");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().path("cycle").asLong();
    }

    private static JsonNode awaitCycleEnd(Api api, String flow, long cycle) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response response = api.get("/api/v1/flows/" + flow + "/cycles/" + cycle);
            return response.status() == 200 && !response.json().path("status").asString().equals("running");
        });
        return api.get("/api/v1/flows/" + flow + "/cycles/" + cycle).json();
    }

    private static JsonNode taskOf(JsonNode cycle, String nodeId) {
        return cycle.path("node_tasks").values().stream().filter(t -> t.path("node_id").asString().equals(nodeId))
                .findFirst().orElseThrow(() -> new AssertionError("no task for " + nodeId + " in " + cycle));
    }
}
