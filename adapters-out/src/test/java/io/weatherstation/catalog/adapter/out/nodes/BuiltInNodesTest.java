package io.weatherstation.catalog.adapter.out.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.catalog.application.spi.NodeExecutionException;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInNodesTest {

    @Test
    void constant_node_emits_its_configured_values_on_output() throws Exception {
        NodeResult result = new ConstantNode().execute(new StubContext(Map.of("values", Map.of("a", 1)), Map.of()));
        assertThat(result.outputs()).containsExactly(Map.entry("output", Map.of("a", 1)));
    }

    @Test
    void condition_node_emits_the_input_on_true_when_the_predicate_holds() throws Exception {
        Map<String, Object> candle = Map.of("open", 100, "close", 101.5);
        NodeResult result = new ConditionNode().execute(new StubContext(
                Map.of("expression", "input.close > input.open", "mode", "branch"), Map.of("input", candle)));
        assertThat(result.outputs()).containsOnlyKeys("true");
        assertThat(result.outputs().get("true")).isEqualTo(candle);
    }

    @Test
    void condition_node_emits_on_false_when_the_predicate_does_not_hold() throws Exception {
        NodeResult result = new ConditionNode().execute(new StubContext(
                Map.of("expression", "input.close > input.open", "mode", "branch"),
                Map.of("input", Map.of("open", 100, "close", 99))));
        assertThat(result.outputs()).containsOnlyKeys("false");
        assertThat(result.stopsExecution()).isFalse();
    }

    @Test
    void condition_node_in_stop_mode_stops_execution_when_the_predicate_does_not_hold() throws Exception {
        NodeResult result = new ConditionNode().execute(new StubContext(
                Map.of("expression", "input.price > 10", "mode", "stop"), Map.of("input", Map.of("price", 3))));
        assertThat(result.stopsExecution()).isTrue();
        assertThat(result.stopReason()).contains("input.price > 10");
        assertThat(result.outputs()).isEmpty();
    }

    @Test
    void condition_node_fails_clearly_when_the_expression_is_not_boolean() {
        assertThatThrownBy(() -> new ConditionNode().execute(new StubContext(
                Map.of("expression", "input.price", "mode", "branch"), Map.of("input", Map.of("price", 3)))))
                .isInstanceOf(NodeExecutionException.class)
                .hasMessageContaining("true or false");
    }

    @Test
    void code_node_evaluates_an_expression_over_aggregate_inputs() throws Exception {
        Map<String, Object> inputs = Map.of("input_data", Map.of("a", Map.of("v", 2), "b", Map.of("v", 5)));
        NodeResult result = new CodeNode().execute(new StubContext(
                Map.of("expression", "{'sum': input.a.v + input.b.v, 'label': config.label}", "label", "x",
                        "max_steps", 1_000_000L, "time_limit_ms", 2_000L),
                inputs));
        assertThat(result.outputs().get("output_data")).isEqualTo(Map.of("sum", 7L, "label", "x"));
    }

    @Test
    void code_node_wraps_a_scalar_result() throws Exception {
        NodeResult result = new CodeNode().execute(new StubContext(
                Map.of("expression", "[1, 2, 3].map(x, x * 2)", "max_steps", 1_000_000L, "time_limit_ms", 2_000L), Map.of()));
        assertThat(result.outputs().get("output_data")).isEqualTo(Map.of("result", List.of(2L, 4L, 6L)));
    }

    @Test
    void code_node_cannot_reach_java_classes_files_or_processes() {
        for (String escape : List.of("input.getClass()", "java.lang.Runtime.getRuntime()",
                "T(java.lang.System).exit(1)", "import os", "open('/etc/passwd')")) {
            assertThatThrownBy(() -> new CodeNode().execute(new StubContext(
                    Map.of("expression", escape, "max_steps", 1_000_000L, "time_limit_ms", 2_000L), Map.of("input_data", Map.of()))))
                    .as(escape)
                    .isInstanceOf(NodeExecutionException.class);
        }
    }

    @Test
    void code_node_bounds_work_by_capping_evaluation_steps() {
        String exponential = "[1,2,3,4,5,6,7,8,9,10].map(a, [1,2,3,4,5,6,7,8,9,10].map(b, "
                + "[1,2,3,4,5,6,7,8,9,10].map(c, [1,2,3,4,5,6,7,8,9,10].map(d, a * b * c * d))))";
        assertThatThrownBy(() -> new CodeNode().execute(new StubContext(
                Map.of("expression", exponential, "max_steps", 5_000L, "time_limit_ms", 60_000L), Map.of())))
                .isInstanceOf(NodeExecutionException.class)
                .hasMessageContaining("more than 5000 evaluation steps");
    }

    @Test
    void code_node_stops_an_evaluation_that_runs_past_its_time_limit() {
        String tenToTheFifth = "[1,2,3,4,5,6,7,8,9,10].map(a, [1,2,3,4,5,6,7,8,9,10].map(b, [1,2,3,4,5,6,7,8,9,10]"
                + ".map(c, [1,2,3,4,5,6,7,8,9,10].map(d, [1,2,3,4,5,6,7,8,9,10].map(e, a * b * c * d * e)))))";
        assertThatThrownBy(() -> new CodeNode().execute(new StubContext(
                Map.of("expression", tenToTheFifth, "max_steps", 100_000_000L, "time_limit_ms", 1L), Map.of())))
                .isInstanceOf(NodeExecutionException.class)
                .hasMessageContaining("time limit exceeded");
    }

    @Test
    void code_node_reports_an_expression_that_does_not_compile() {
        assertThatThrownBy(() -> new CodeNode().execute(new StubContext(
                Map.of("expression", "1 +", "max_steps", 1_000_000L, "time_limit_ms", 2_000L), Map.of())))
                .isInstanceOf(NodeExecutionException.class)
                .hasMessageContaining("does not compile");
    }

    @Test
    void fail_node_fails_until_the_configured_attempt() throws Exception {
        FailNode node = new FailNode();
        StubContext context = new StubContext(Map.of("message", "boom", "succeed_on_attempt", 3L), Map.of());
        assertThatThrownBy(() -> node.execute(context.withAttempt(1))).hasMessage("boom");
        assertThatThrownBy(() -> node.execute(context.withAttempt(2))).hasMessage("boom");
        assertThat(node.execute(context.withAttempt(3)).outputs()).containsKey("output");
    }

    @Test
    void delay_node_passes_its_input_on_after_waiting() throws Exception {
        NodeResult result = new DelayNode().execute(new StubContext(Map.of("seconds", 0.0), Map.of("input", Map.of("k", 1))));
        assertThat(result.outputs().get("output")).isEqualTo(Map.of("k", 1));
    }

    @Test
    void every_built_in_node_declares_itself_consistently_in_the_registry() {
        NodeRegistry registry = NodeRegistry.of(List.of(new ConstantNode(), new ConditionNode(), new CodeNode(),
                new FailNode(), new DelayNode()));
        assertThat(registry.typeNames())
                .containsExactly("code_node", "condition_node", "constant_node", "delay_node", "fail_node");
        NodeTypeDescriptor condition = registry.find("condition_node").orElseThrow();
        assertThat(condition.outputs()).extracting(o -> o.name()).containsExactly("true", "false");
        assertThat(condition.parameter("mode").orElseThrow().defaultValue()).isEqualTo("branch");
        assertThat(condition.parameter("mode").orElseThrow().allowedValues()).containsExactly("branch", "stop");
        assertThat(registry.find("code_node").orElseThrow().input("input_data").orElseThrow().aggregate()).isTrue();
        assertThat(registry.find("code_node").orElseThrow().parameter("max_steps").orElseThrow().defaultValue())
                .isEqualTo(1_000_000L);
    }
}
