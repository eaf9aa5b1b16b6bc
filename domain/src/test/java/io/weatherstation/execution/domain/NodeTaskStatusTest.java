package io.weatherstation.execution.domain;

import static io.weatherstation.execution.domain.NodeTaskStatus.COMPLETED;
import static io.weatherstation.execution.domain.NodeTaskStatus.FAILED;
import static io.weatherstation.execution.domain.NodeTaskStatus.PAUSED;
import static io.weatherstation.execution.domain.NodeTaskStatus.PENDING;
import static io.weatherstation.execution.domain.NodeTaskStatus.REGISTERED;
import static io.weatherstation.execution.domain.NodeTaskStatus.RUNNING;
import static io.weatherstation.execution.domain.NodeTaskStatus.SKIPPED;
import static io.weatherstation.execution.domain.NodeTaskStatus.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NodeTaskStatusTest {

    @Test
    void registeredTasksBecomePendingOrEndWithoutRunning() {
        assertThat(REGISTERED.allowedTransitions()).containsExactlyInAnyOrder(PENDING, SKIPPED, TERMINATED);
    }

    @Test
    void pendingTasksStartAreHeldOrEndWithoutRunning() {
        assertThat(PENDING.allowedTransitions()).containsExactlyInAnyOrder(RUNNING, PAUSED, SKIPPED, TERMINATED);
    }

    @Test
    void pausedTasksAreReleasedOrEndWithoutRunning() {
        assertThat(PAUSED.allowedTransitions()).containsExactlyInAnyOrder(PENDING, SKIPPED, TERMINATED);
        assertThat(PAUSED.canTransitionTo(RUNNING)).isFalse();
    }

    @Test
    void runningTasksFinishOrGoBackToTheQueue() {
        assertThat(RUNNING.allowedTransitions()).containsExactlyInAnyOrder(COMPLETED, FAILED, TERMINATED, PENDING);
        assertThat(RUNNING.canTransitionTo(SKIPPED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPLETED", "FAILED", "TERMINATED", "SKIPPED"})
    void terminalStatusesAreFinal(NodeTaskStatus status) {
        assertThat(status.isTerminal()).isTrue();
        assertThat(status.allowedTransitions()).isEmpty();
        for (NodeTaskStatus target : NodeTaskStatus.values()) {
            assertThat(status.canTransitionTo(target)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"REGISTERED", "PENDING", "PAUSED", "RUNNING"})
    void unfinishedStatusesAreNotTerminal(NodeTaskStatus status) {
        assertThat(status.isTerminal()).isFalse();
    }

    @Test
    void allowedTransitionsCannotBeChangedByCallers() {
        REGISTERED.allowedTransitions().clear();

        assertThat(REGISTERED.allowedTransitions()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(NodeTaskStatus.class)
    void wireNameIsLowerCaseAndReadBack(NodeTaskStatus status) {
        assertThat(status.wireName()).isEqualTo(status.name().toLowerCase());
        assertThat(NodeTaskStatus.fromWireName(status.wireName())).isEqualTo(status);
        assertThat(NodeTaskStatus.fromWireName(status.name())).isEqualTo(status);
    }

    @Test
    void unknownWireNameListsTheKnownOnes() {
        assertThatThrownBy(() -> NodeTaskStatus.fromWireName("awaiting_input"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("awaiting_input")
                .hasMessageContaining("completed");
    }

    @Test
    void cycleStatusesHaveWireNamesAndOneUnfinishedStatus() {
        assertThat(CycleStatus.COMPLETED.wireName()).isEqualTo("completed");
        assertThat(CycleStatus.fromWireName("terminated")).isEqualTo(CycleStatus.TERMINATED);
        assertThat(CycleStatus.RUNNING.isTerminal()).isFalse();
        assertThat(CycleStatus.FAILED.isTerminal()).isTrue();
        assertThatThrownBy(() -> CycleStatus.fromWireName("timeout")).isInstanceOf(IllegalArgumentException.class);
    }
}
