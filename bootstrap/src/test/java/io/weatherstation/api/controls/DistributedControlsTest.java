package io.weatherstation.api.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.weatherstation.api.Api;
import io.weatherstation.execution.support.Gates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The operator control scenarios against two station instances in the distributed profile,
 * sharing Redis, RabbitMQ and PostgreSQL: every scenario pauses, starts or resumes on one and
 * watches or releases on the other. Pauses and held tasks also survive a restart of every instance.
 */
class DistributedControlsTest extends ControlScenarios {

    private static DistributedStations stations;
    private static Api first;
    private static Api second;

    @BeforeAll
    static void startTwoInstances() {
        stations = new DistributedStations();
        first = new Api(stations.start());
        second = new Api(stations.start());
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (stations != null) {
            stations.close();
        }
    }

    @Test
    void a_pause_and_the_task_it_holds_survive_a_restart_of_every_instance() {
        String gate = Api.uniqueId("ctl-restart");
        Gates.open(gate);
        String flowId = register("ctl-restart", gated(gate));
        ok(a().post(flows(flowId) + "/nodes/second/pause", Map.of("pause_type", "breakpoint")));
        long cycle = runCycle(a(), flowId);
        String held = flowId + "_" + cycle + "_second";
        awaitTask(b(), held, "paused");

        List<Integer> ports = stations.restartAll();
        first = new Api(ports.get(0));
        DistributedControlsTest.second = new Api(ports.get(1));

        JsonNode pauses = ok(b().get(flows(flowId) + "/pauses"));
        assertThat(pauses.path("pauses").values()).extracting(p -> p.path("target").asString(),
                p -> p.path("pause_type").asString()).containsExactly(tuple("node:second", "breakpoint"));
        assertThat(pauses.path("held_tasks").values()).extracting(t -> t.path("node_task_id").asString())
                .containsExactly(held);

        ok(a().post(flows(flowId) + "/nodes/second/resume"));

        JsonNode ended = awaitCycleEnd(b(), flowId, cycle);
        assertThat(ended.path("status").asString()).isEqualTo("completed");
        assertThat(statuses(ended.path("node_tasks"))).containsEntry("second", "completed")
                .containsEntry("third", "completed");
    }

    @Override
    Api a() {
        return first;
    }

    @Override
    Api b() {
        return DistributedControlsTest.second;
    }
}
