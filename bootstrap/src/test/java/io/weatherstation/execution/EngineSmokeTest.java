package io.weatherstation.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.application.ExecutionService;
import io.weatherstation.execution.domain.CycleStatus;
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

@SpringBootTest
class EngineSmokeTest {

    @Autowired FlowService flows;
    @Autowired ExecutionService execution;

    @Test
    void runs_a_chain_to_completion() {
        Map<String, Object> definition = Map.of(
                "nodes", List.of(
                        Map.of("id", "a", "type", "constant_node", "config", Map.of("values", Map.of("open", 1, "close", 2))),
                        Map.of("id", "b", "type", "condition_node", "config", Map.of("expression", "input.close > input.open")),
                        Map.of("id", "c", "type", "code_node", "config", Map.of("expression", "{'x': input['true'].close * 10}")),
                        Map.of("id", "d", "type", "code_node", "config", Map.of("expression", "{'never': true}"))),
                "edges", List.of(
                        Map.of("source", "a", "source_handle", "output", "target", "b", "target_handle", "input"),
                        Map.of("source", "b", "source_handle", "true", "target", "c", "target_handle", "input_data"),
                        Map.of("source", "b", "source_handle", "false", "target", "d", "target_handle", "input_data")));
        FlowId id = FlowId.of("smoke");
        flows.register(new RegisterFlowCommand(id, definition));
        CycleNumber cycle = execution.runNow(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> execution.cycle(id, cycle).orElseThrow().cycle().status() != CycleStatus.RUNNING);
        var details = execution.cycle(id, cycle).orElseThrow();
        assertThat(details.cycle().status()).as(details.tasks().toString()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(details.tasks()).extracting(t -> t.id().nodeId().value() + ":" + t.status().wireName())
                .containsExactly("a:completed", "b:completed", "c:completed", "d:skipped");
    }
}
