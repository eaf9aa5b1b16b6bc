package io.weatherstation.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.application.port.in.QueryExecutionUseCase;
import io.weatherstation.execution.application.port.in.RunCycleNowUseCase;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase.RegisterFlowCommand;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/** Every flow shipped in examples/ registers and runs one cycle to the documented outcome. */
@SpringBootTest
class ExamplesTest {

    @Autowired RegisterFlowUseCase register;
    @Autowired RunCycleNowUseCase run;
    @Autowired QueryExecutionUseCase executions;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            branching.json          | completed | candle=completed,rising=completed,buy_signal=completed,hold_signal=skipped
            periodic-guard.json     | completed | quote=completed,spread_ok=completed,order=completed
            fan-in.json             | completed | btc=completed,eth=completed,sol=completed,basket=completed
            retry-then-succeed.json | completed | flaky=completed,after=completed
            editor-form.json        | completed | price_feed=completed,above_open=completed
            """)
    void example_runs_to_its_documented_outcome(String file, String cycleStatus, String taskStatuses) throws Exception {
        Object definition = JsonMapper.builder().build().readValue(Files.readAllBytes(Path.of("..", "examples", file)), Object.class);
        FlowId flowId = FlowId.of("example-" + file.replace(".json", "").replace('.', '-'));
        register.register(new RegisterFlowCommand(flowId, definition));

        CycleNumber cycle = run.runNow(flowId);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> executions.cycle(flowId, cycle).orElseThrow().cycle().status() != CycleStatus.RUNNING);
        var details = executions.cycle(flowId, cycle).orElseThrow();
        assertThat(details.cycle().status().wireName()).as(details.tasks().toString()).isEqualTo(cycleStatus);
        Map<String, String> statuses = details.tasks().stream()
                .collect(Collectors.toMap(t -> t.id().nodeId().value(), t -> t.status().wireName()));
        Map<String, String> expected = java.util.Arrays.stream(taskStatuses.split(","))
                .map(pair -> pair.split("="))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        assertThat(statuses).isEqualTo(expected);
    }
}
