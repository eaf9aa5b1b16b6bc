package io.weatherstation.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.application.ExecutionService;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.flow.application.FlowService;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase.RegisterFlowCommand;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A running node that is asked to stop ends terminated, and its cycle ends. */
@SpringBootTest
class StopRunningTaskTest {

    @Autowired FlowService flows;
    @Autowired ExecutionService execution;

    @Test
    void a_running_task_stopped_by_the_user_ends_terminated_and_its_cycle_finishes() {
        FlowId id = FlowId.of("stop_running_task");
        flows.register(new RegisterFlowCommand(id, Map.of(
                "nodes", List.of(
                        Map.of("id", "wait", "type", "delay_node", "config", Map.of("seconds", 60)),
                        Map.of("id", "after", "type", "code_node", "config", Map.of("expression", "{'x': 1}"))),
                "edges", List.of(
                        Map.of("source", "wait", "source_handle", "output", "target", "after", "target_handle", "input_data")))));
        CycleNumber cycle = execution.runNow(id);
        String waitTask = id.value() + "_" + cycle.value() + "_wait";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> execution.task(waitTask).map(NodeTask::status).orElseThrow() == NodeTaskStatus.RUNNING);

        execution.stop(waitTask, "user asked");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> execution.cycle(id, cycle).orElseThrow().cycle().status() != CycleStatus.RUNNING);
        NodeTask task = execution.task(waitTask).orElseThrow();
        assertThat(task.status()).isEqualTo(NodeTaskStatus.TERMINATED);
        assertThat(task.message()).isEqualTo("user asked");
        assertThat(execution.task(id.value() + "_" + cycle.value() + "_after").orElseThrow().status())
                .isEqualTo(NodeTaskStatus.SKIPPED);
    }
}
