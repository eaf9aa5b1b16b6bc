package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.NodeId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowDefinitionTest {

    static final NodeDefinition A = NodeDefinition.of(NodeId.of("a"), "relay", Map.of());
    static final NodeDefinition B = NodeDefinition.of(NodeId.of("b"), "relay", Map.of());

    @Test
    void needsAtLeastOneNode() {
        assertThatThrownBy(() -> new FlowDefinition(null, Schedule.ONCE, 1, List.of(), List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsUniqueNodeIds() {
        assertThatThrownBy(() -> new FlowDefinition(null, Schedule.ONCE, 1, List.of(A, A), List.of(), Map.of()))
                .hasMessageContaining("duplicate node id a");
    }

    @Test
    void needsEdgesBetweenItsOwnNodes() {
        assertThatThrownBy(() -> new FlowDefinition(null, Schedule.ONCE, 1, List.of(A),
                List.of(EdgeDefinition.of("a", "out", "z", "in")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsAtLeastOneConcurrentCycle() {
        assertThatThrownBy(() -> new FlowDefinition(null, Schedule.ONCE, 0, List.of(A), List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsNodesAndEdgesByDirection() {
        EdgeDefinition ab = EdgeDefinition.of("a", "out", "b", "in");
        FlowDefinition flow = new FlowDefinition("f", new Schedule.FixedRate(Duration.ofSeconds(5)), 2,
                List.of(A, B), List.of(ab), Map.of());

        assertThat(flow.node(NodeId.of("b"))).contains(B);
        assertThat(flow.outgoingEdges(NodeId.of("a"))).containsExactly(ab);
        assertThat(flow.incomingEdges(NodeId.of("b"))).containsExactly(ab);
        assertThat(flow.incomingEdges(NodeId.of("a"))).isEmpty();
        assertThat(ab.toString()).isEqualTo("a.out → b.in");
    }

    @Test
    void nodesHaveSaneDefaultsAndBoundedTimeouts() {
        assertThat(A.retry()).isEqualTo(RetryPolicy.NONE);
        assertThat(A.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThatThrownBy(() -> new NodeDefinition(NodeId.of("a"), "relay", Map.of(), RetryPolicy.NONE, Duration.ZERO, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeDefinition(NodeId.of("a"), "relay", Map.of(), RetryPolicy.NONE, Duration.ofDays(2), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schedulesSayWhetherTheyRepeat() {
        assertThat(Schedule.ONCE.periodic()).isFalse();
        assertThat(new Schedule.FixedRate(Duration.ofSeconds(1)).periodic()).isTrue();
        assertThat(new Schedule.Cron("0 * * * * *").periodic()).isTrue();
        assertThatThrownBy(() -> new Schedule.FixedRate(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.Cron(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validationProblemsCarryRfc6901Pointers() {
        assertThatThrownBy(() -> new ValidationProblem("nodes/0", "required", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ValidationProblem("", "invalid_type", "m").toString()).isEqualTo("(document) [invalid_type] m");
    }
}
