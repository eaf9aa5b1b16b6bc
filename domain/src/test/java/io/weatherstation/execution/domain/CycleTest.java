package io.weatherstation.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CycleTest {

    private static final FlowId FLOW = FlowId.of("btc");
    private static final CycleNumber NUMBER = CycleNumber.of(9);
    private static final NodeId PRICE = NodeId.of("price");
    private static final NodeId CHECK = NodeId.of("check");
    private static final NodeId BUY = NodeId.of("buy");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);
    private static final ComponentId ZERO = ComponentId.of(0);

    @Test
    void startingRecordsTheCycleAndItsNodes() {
        Cycle cycle = Cycle.start(FLOW, NUMBER, List.of(PRICE, CHECK, BUY), T0);

        assertThat(cycle.status()).isEqualTo(CycleStatus.RUNNING);
        assertThat(cycle.isRunning()).isTrue();
        assertThat(cycle.startTime()).isEqualTo(T0);
        assertThat(cycle.endTime()).isNull();
        assertThat(cycle.nodes()).containsExactly(BUY, CHECK, PRICE);
        assertThat(cycle.terminationRequested()).isFalse();
        assertThat(cycle.pullEvents()).containsExactly(new CycleStarted(FLOW, NUMBER, Set.of(PRICE, CHECK, BUY), T0));
    }

    @Test
    void aCopyHasTheSameStateNoEventsAndChangesIndependently() {
        Cycle cycle = started();
        cycle.stopComponent(ZERO, "no signal", CHECK, T1);
        cycle.pullEvents();

        Cycle copy = cycle.copy();
        assertThat(copy.pullEvents()).as("a copy has no pending events").isEmpty();
        copy.requestTermination(T2);

        assertThat(copy.terminationRequested()).isTrue();
        assertThat(copy.nodes()).containsExactly(BUY, CHECK, PRICE);
        assertThat(copy.componentStops()).isEqualTo(cycle.componentStops()).hasSize(1);
        assertThat(copy.startTime()).isEqualTo(T0);
        assertThat(cycle.terminationRequested()).as("the original").isFalse();
        assertThat(cycle.pullEvents()).isEmpty();
    }

    @Test
    void aCycleNeedsNodes() {
        assertThatThrownBy(() -> Cycle.start(FLOW, NUMBER, List.of(), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no nodes");
    }

    @Test
    void completesWhenEveryTaskEndedWithoutFailure() {
        Cycle cycle = started();

        CycleStatus status = cycle.finish(Map.of(PRICE, NodeTaskStatus.COMPLETED, CHECK, NodeTaskStatus.COMPLETED,
                BUY, NodeTaskStatus.SKIPPED), T2);

        assertThat(status).isEqualTo(CycleStatus.COMPLETED);
        assertThat(cycle.status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(cycle.endTime()).isEqualTo(T2);
        assertThat(cycle.pullEvents()).containsExactly(new CycleFinished(FLOW, NUMBER, CycleStatus.COMPLETED, T0, T2));
    }

    @Test
    void failsWhenAnyTaskFailed() {
        Cycle cycle = started();
        cycle.requestTermination(T1);

        CycleStatus status = cycle.finish(Map.of(PRICE, NodeTaskStatus.FAILED, CHECK, NodeTaskStatus.SKIPPED,
                BUY, NodeTaskStatus.TERMINATED), T2);

        assertThat(status).isEqualTo(CycleStatus.FAILED);
    }

    @Test
    void terminatesWhenTheUserStoppedWithTermination() {
        Cycle cycle = started();
        assertThat(cycle.requestTermination(T1)).isTrue();

        CycleStatus status = cycle.finish(Map.of(PRICE, NodeTaskStatus.COMPLETED, CHECK, NodeTaskStatus.TERMINATED,
                BUY, NodeTaskStatus.TERMINATED), T2);

        assertThat(status).isEqualTo(CycleStatus.TERMINATED);
        assertThat(cycle.pullEvents()).containsExactly(
                new CycleTerminationRequested(FLOW, NUMBER, T1),
                new CycleFinished(FLOW, NUMBER, CycleStatus.TERMINATED, T0, T2));
    }

    @Test
    void aComponentStoppedByANodeStillCompletes() {
        Cycle cycle = started();

        boolean first = cycle.stopComponent(ZERO, "condition not met", CHECK, T1);
        CycleStatus status = cycle.finish(Map.of(PRICE, NodeTaskStatus.COMPLETED, CHECK, NodeTaskStatus.COMPLETED,
                BUY, NodeTaskStatus.TERMINATED), T2);

        assertThat(first).isTrue();
        assertThat(status).isEqualTo(CycleStatus.COMPLETED);
    }

    @Test
    void repeatedTerminationRequestsAreHarmless() {
        Cycle cycle = started();
        cycle.requestTermination(T1);

        assertThat(cycle.requestTermination(T2)).isFalse();
        assertThat(cycle.pullEvents()).containsExactly(new CycleTerminationRequested(FLOW, NUMBER, T1));
    }

    @Test
    void theFirstStopOfAComponentIsKept() {
        Cycle cycle = started();

        assertThat(cycle.stopComponent(ZERO, "condition not met", CHECK, T1)).isTrue();
        assertThat(cycle.stopComponent(ZERO, "other reason", BUY, T2)).isFalse();

        assertThat(cycle.isComponentStopped(ZERO)).isTrue();
        assertThat(cycle.isComponentStopped(ComponentId.of(1))).isFalse();
        assertThat(cycle.componentStop(ZERO)).contains(new ComponentStop(ZERO, "condition not met", CHECK, T1));
        assertThat(cycle.pullEvents()).containsExactly(
                new ComponentStopped(FLOW, NUMBER, new ComponentStop(ZERO, "condition not met", CHECK, T1)));
    }

    @Test
    void componentsStopIndependently() {
        Cycle cycle = started();

        cycle.stopComponent(ComponentId.of(1), "limit reached", BUY, T1);

        assertThat(cycle.isComponentStopped(ComponentId.of(1))).isTrue();
        assertThat(cycle.isComponentStopped(ZERO)).isFalse();
        assertThat(cycle.componentStops()).containsOnlyKeys(ComponentId.of(1));
    }

    @Test
    void onlyNodesOfTheCycleMayStopIt() {
        Cycle cycle = started();

        assertThatThrownBy(() -> cycle.stopComponent(ZERO, "x", NodeId.of("stranger"), T1))
                .isInstanceOf(NodeNotInCycleException.class)
                .hasMessageContaining("stranger");
    }

    @Test
    void cannotFinishWhileATaskIsUnfinishedOrUnknown() {
        Cycle cycle = started();

        assertThatThrownBy(() -> cycle.finish(Map.of(PRICE, NodeTaskStatus.COMPLETED, CHECK, NodeTaskStatus.RUNNING), T2))
                .isInstanceOf(CycleNotFinishedException.class)
                .hasMessageContaining("check (running)")
                .hasMessageContaining("buy (no status)")
                .satisfies(e -> assertThat(((CycleNotFinishedException) e).unfinished())
                        .isEqualTo(Map.of(CHECK, "running", BUY, "no status")));
        assertThat(cycle.status()).isEqualTo(CycleStatus.RUNNING);
        assertThat(cycle.endTime()).isNull();
    }

    @Test
    void cannotFinishWithStatusesOfOtherNodes() {
        Cycle cycle = started();

        assertThatThrownBy(() -> cycle.finish(Map.of(PRICE, NodeTaskStatus.COMPLETED, CHECK, NodeTaskStatus.COMPLETED,
                BUY, NodeTaskStatus.COMPLETED, NodeId.of("ghost"), NodeTaskStatus.COMPLETED), T2))
                .isInstanceOf(NodeNotInCycleException.class)
                .hasMessageContaining("ghost");
    }

    @Test
    void finishingTwiceIsRefused() {
        Cycle cycle = started();
        Map<NodeId, NodeTaskStatus> done = Map.of(PRICE, NodeTaskStatus.COMPLETED, CHECK, NodeTaskStatus.COMPLETED,
                BUY, NodeTaskStatus.COMPLETED);
        cycle.finish(done, T2);
        cycle.pullEvents();

        assertThatThrownBy(() -> cycle.finish(done, T2.plusSeconds(1)))
                .isInstanceOf(CycleAlreadyFinishedException.class)
                .hasMessageContaining("already finished completed");
        assertThatThrownBy(() -> cycle.requestTermination(T2)).isInstanceOf(CycleAlreadyFinishedException.class);
        assertThatThrownBy(() -> cycle.stopComponent(ZERO, "late", CHECK, T2)).isInstanceOf(CycleAlreadyFinishedException.class);
        assertThat(cycle.endTime()).isEqualTo(T2);
        assertThat(cycle.pullEvents()).isEmpty();
    }

    @Test
    void rehydratingRestoresStateWithoutEvents() {
        ComponentStop stop = new ComponentStop(ZERO, "condition not met", CHECK, T1);
        Cycle cycle = Cycle.rehydrate(FLOW, NUMBER, CycleStatus.RUNNING, T0, null, Set.of(PRICE, CHECK, BUY), List.of(stop), true);

        assertThat(cycle.pullEvents()).isEmpty();
        assertThat(cycle.isComponentStopped(ZERO)).isTrue();
        assertThat(cycle.terminationRequested()).isTrue();
        assertThat(cycle.finish(Map.of(PRICE, NodeTaskStatus.COMPLETED, CHECK, NodeTaskStatus.COMPLETED,
                BUY, NodeTaskStatus.TERMINATED), T2)).isEqualTo(CycleStatus.TERMINATED);
    }

    @Test
    void rehydratingChecksThatFinishedCyclesHaveAnEndTime() {
        assertThatThrownBy(() -> Cycle.rehydrate(FLOW, NUMBER, CycleStatus.COMPLETED, T0, null, Set.of(PRICE), List.of(), false))
                .hasMessageContaining("has no end time");
        assertThatThrownBy(() -> Cycle.rehydrate(FLOW, NUMBER, CycleStatus.RUNNING, T0, T2, Set.of(PRICE), List.of(), false))
                .hasMessageContaining("but has an end time");
    }

    @Test
    void durationIsNeverNegative() {
        assertThat(new CycleFinished(FLOW, NUMBER, CycleStatus.COMPLETED, T0, T2).duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new CycleFinished(FLOW, NUMBER, CycleStatus.COMPLETED, T2, T0).duration()).isEqualTo(Duration.ZERO);
    }

    private static Cycle started() {
        Cycle cycle = Cycle.start(FLOW, NUMBER, List.of(PRICE, CHECK, BUY), T0);
        cycle.pullEvents();
        return cycle;
    }
}
