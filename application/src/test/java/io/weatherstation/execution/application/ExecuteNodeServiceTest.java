package io.weatherstation.execution.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.catalog.application.NodeTypeNotFoundException;
import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.catalog.application.spi.NodeExecutionException;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.ParameterType;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.ExecuteNodeCommand;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.NodeExecution;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.Outcome;
import io.weatherstation.execution.application.port.in.InvalidNodeConfigException;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.flow.domain.ValidationProblem;
import io.weatherstation.testing.FixtureCronSyntax;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecuteNodeServiceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    final ExecuteNodeService service = new ExecuteNodeService(
            NodeRegistry.of(List.of(new Scale(), new Sleep(), new Stop(), new Throw())),
            FixtureCronSyntax.INSTANCE, FlowLimits.DEFAULT, CLOCK);

    @NodeType(value = "scale", description = "multiplies its required input by a factor",
            inputs = @NodeType.Input(name = "value", required = true),
            outputs = @NodeType.Output(name = "result"),
            params = @NodeType.Param(name = "factor", type = ParameterType.INTEGER, defaultValue = "2", min = 1, max = 10))
    static final class Scale implements Node {
        @Override
        public NodeResult execute(NodeContext context) {
            context.info("scaling by " + context.param("factor"));
            long value = ((Number) context.input("value")).longValue();
            return NodeResult.of("result", value * (Long) context.param("factor"));
        }
    }

    @NodeType(value = "sleep", description = "sleeps until interrupted")
    static final class Sleep implements Node {
        @Override
        public NodeResult execute(NodeContext context) throws InterruptedException {
            Thread.sleep(Duration.ofMinutes(5));
            return NodeResult.nothing();
        }
    }

    @NodeType(value = "stop", description = "stops its component")
    static final class Stop implements Node {
        @Override
        public NodeResult execute(NodeContext context) {
            return NodeResult.stopExecution("market closed");
        }
    }

    @NodeType(value = "throw", description = "fails")
    static final class Throw implements Node {
        @Override
        public NodeResult execute(NodeContext context) throws NodeExecutionException {
            throw new NodeExecutionException("remote said no");
        }
    }

    @Test
    void resolves_config_like_registration_and_takes_inputs_directly() {
        NodeExecution run = service.execute(new ExecuteNodeCommand("scale", Map.of("factor", 3), Map.of("value", 7), null));

        assertThat(run.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(run.outputs()).containsEntry("result", 21L);
        assertThat(run.logs()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo("INFO");
            assertThat(line.message()).isEqualTo("scaling by 3");
            assertThat(line.timestamp()).isEqualTo(CLOCK.instant());
        });
        assertThat(run.startedAt()).isEqualTo(CLOCK.instant());
        assertThat(run.nodeType()).isEqualTo("scale");
    }

    @Test
    void fills_defaults_and_coerces_values_as_registration_does() {
        NodeExecution defaults = service.execute(new ExecuteNodeCommand("scale", null, Map.of("value", 5), null));
        NodeExecution coerced = service.execute(new ExecuteNodeCommand("scale", Map.of("factor", "4"), Map.of("value", 5), null));

        assertThat(defaults.outputs()).containsEntry("result", 10L);
        assertThat(coerced.outputs()).containsEntry("result", 20L);
    }

    @Test
    void a_required_input_needs_no_edge() {
        NodeExecution run = service.execute(new ExecuteNodeCommand("scale", Map.of(), Map.of("value", 1), null));

        assertThat(run.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void reports_every_problem_with_pointers_into_the_request() {
        InvalidNodeConfigException rejected = catchThrowableOfType(InvalidNodeConfigException.class, () ->
                service.execute(new ExecuteNodeCommand("scale", Map.of("factor", 99), List.of(), -1)));

        assertThat(rejected.nodeType()).isEqualTo("scale");
        assertThat(rejected.problems()).extracting(ValidationProblem::pointer)
                .containsExactlyInAnyOrder("/inputs", "/config/factor", "/timeout_seconds");
        assertThat(rejected.problems()).extracting(ValidationProblem::code)
                .containsExactlyInAnyOrder("invalid_type", "out_of_range", "out_of_range");
    }

    @Test
    void a_config_that_is_not_an_object_is_a_problem_at_config() {
        InvalidNodeConfigException rejected = catchThrowableOfType(InvalidNodeConfigException.class, () ->
                service.execute(new ExecuteNodeCommand("scale", "factor=3", null, null)));

        assertThat(rejected.problems()).extracting(ValidationProblem::pointer).containsExactly("/config");
    }

    @Test
    void an_unknown_type_is_not_found() {
        assertThatThrownBy(() -> service.execute(new ExecuteNodeCommand("nope", null, null, null)))
                .isInstanceOf(NodeTypeNotFoundException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void a_failing_node_is_an_outcome_not_an_exception() {
        NodeExecution run = service.execute(new ExecuteNodeCommand("throw", null, null, null));

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.error()).isEqualTo("remote said no");
        assertThat(run.outputs()).isEmpty();
    }

    @Test
    void a_node_that_stops_execution_is_stopped_with_its_reason() {
        NodeExecution run = service.execute(new ExecuteNodeCommand("stop", null, null, null));

        assertThat(run.outcome()).isEqualTo(Outcome.STOPPED);
        assertThat(run.stopReason()).isEqualTo("market closed");
        assertThat(run.error()).isNull();
    }

    @Test
    void a_node_past_its_timeout_is_interrupted_and_failed() {
        NodeExecution run = service.execute(new ExecuteNodeCommand("sleep", null, null, 0.1));

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.error()).isEqualTo("timed out after 100 ms");
        assertThat(run.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(Duration.ofSeconds(5));
    }
}
