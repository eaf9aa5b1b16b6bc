package io.weatherstation.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NodeTaskTest {

    private static final NodeTaskId ID = NodeTaskId.of(FlowId.of("btc"), CycleNumber.of(4), NodeId.of("buy"));
    private static final ComponentId COMPONENT = ComponentId.of(0);
    private static final WorkerId WORKER = WorkerId.of("worker-1");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);
    private static final Instant T3 = T0.plusSeconds(3);

    @Test
    void aCopyHasTheSameStateNoEventsAndChangesIndependently() {
        NodeTask task = NodeTask.register(ID, "buy_node", COMPONENT, T0);
        task.markReady(T1);
        task.start(WORKER, T2);

        NodeTask copy = task.copy();

        assertThat(copy.pullEvents()).as("a copy has no pending events").isEmpty();
        assertThat(copy).usingRecursiveComparison().ignoringFields("events")
                .isEqualTo(NodeTask.rehydrate(ID, "buy_node", COMPONENT, NodeTaskStatus.RUNNING, 1, WORKER, null, 0, T0, T2));
        copy.complete(T3);
        assertThat(task.status()).as("the original").isEqualTo(NodeTaskStatus.RUNNING);
        assertThat(task.pullEvents()).hasSize(3);
    }

    @Test
    void registeringRecordsTheTask() {
        NodeTask task = NodeTask.register(ID, "buy_node", COMPONENT, T0);

        assertThat(task.status()).isEqualTo(NodeTaskStatus.REGISTERED);
        assertThat(task.attempts()).isZero();
        assertThat(task.worker()).isNull();
        assertThat(task.message()).isNull();
        assertThat(task.progress()).isZero();
        assertThat(task.registeredAt()).isEqualTo(T0);
        assertThat(task.updatedAt()).isEqualTo(T0);
        assertThat(task.pullEvents()).containsExactly(new NodeTaskRegistered(ID, "buy_node", COMPONENT, T0));
        assertThat(task.pullEvents()).isEmpty();
    }

    @Test
    void happyPathRecordsEveryStatusChange() {
        NodeTask task = registered();

        task.markReady(T1);
        task.start(WORKER, T2);
        task.complete(T3);

        assertThat(task.status()).isEqualTo(NodeTaskStatus.COMPLETED);
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(task.worker()).isEqualTo(WORKER);
        assertThat(task.progress()).isEqualTo(100);
        assertThat(task.updatedAt()).isEqualTo(T3);
        assertThat(task.isFinished()).isTrue();
        assertThat(task.pullEvents()).containsExactly(
                new NodeTaskStatusChanged(ID, NodeTaskStatus.REGISTERED, NodeTaskStatus.PENDING, null, T1),
                new NodeTaskStatusChanged(ID, NodeTaskStatus.PENDING, NodeTaskStatus.RUNNING, null, T2),
                new NodeTaskStatusChanged(ID, NodeTaskStatus.RUNNING, NodeTaskStatus.COMPLETED, null, T3));
    }

    @Test
    void failingKeepsTheError() {
        NodeTask task = running();

        task.fail("exchange returned 503", T3);

        assertThat(task.status()).isEqualTo(NodeTaskStatus.FAILED);
        assertThat(task.message()).isEqualTo("exchange returned 503");
        assertThat(task.pullEvents()).containsExactly(
                new NodeTaskStatusChanged(ID, NodeTaskStatus.RUNNING, NodeTaskStatus.FAILED, "exchange returned 503", T3));
    }

    @Test
    void retryGoesBackToPendingKeepingTheAttemptCount() {
        NodeTask task = running();

        task.retryLater("timeout", T2);

        assertThat(task.status()).isEqualTo(NodeTaskStatus.PENDING);
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(task.worker()).isNull();
        assertThat(task.message()).isEqualTo("timeout");

        task.start(WorkerId.of("worker-2"), T3);

        assertThat(task.attempts()).isEqualTo(2);
        assertThat(task.worker()).isEqualTo(WorkerId.of("worker-2"));
        assertThat(task.message()).isNull();
    }

    @Test
    void restartResetsProgress() {
        NodeTask task = running();
        task.reportProgress(60, T2);
        task.retryLater("worker left", T2);

        task.start(WORKER, T3);

        assertThat(task.progress()).isZero();
    }

    @Test
    void terminationEndsAnUnfinishedTaskWithTheReason() {
        for (NodeTask task : new NodeTask[] {registered(), pending(), running()}) {
            task.terminate("condition not met", T3);

            assertThat(task.status()).isEqualTo(NodeTaskStatus.TERMINATED);
            assertThat(task.message()).isEqualTo("condition not met");
        }
    }

    @Test
    void skippingEndsATaskThatHasNotStarted() {
        NodeTask fromRegistered = registered();
        NodeTask fromPending = pending();

        fromRegistered.skip("upstream_skipped", T3);
        fromPending.skip("upstream_failed", T3);

        assertThat(fromRegistered.status()).isEqualTo(NodeTaskStatus.SKIPPED);
        assertThat(fromPending.message()).isEqualTo("upstream_failed");
    }

    @Test
    void aPauseHoldsAReadyTaskUntilItIsReleasedWithoutCountingAnAttempt() {
        NodeTask task = pending();

        task.hold("node buy is paused (manual)", T2);

        assertThat(task.status()).isEqualTo(NodeTaskStatus.PAUSED);
        assertThat(task.message()).isEqualTo("node buy is paused (manual)");
        assertThat(task.worker()).isNull();
        assertThat(task.pullEvents()).containsExactly(new NodeTaskStatusChanged(ID, NodeTaskStatus.PENDING,
                NodeTaskStatus.PAUSED, "node buy is paused (manual)", T2));

        task.release(T3);
        task.start(WORKER, T3);

        assertThat(task.status()).isEqualTo(NodeTaskStatus.RUNNING);
        assertThat(task.attempts()).isEqualTo(1);
    }

    @Test
    void aHeldTaskCanBeSkippedOrTerminatedButNotStarted() {
        NodeTask skipped = pending();
        skipped.hold("paused", T2);
        skipped.skip("skipped on resume", T3);
        NodeTask terminated = pending();
        terminated.hold("paused", T2);
        terminated.terminate("flow stopped with termination", T3);
        NodeTask held = pending();
        held.hold("paused", T2);

        assertThat(skipped.status()).isEqualTo(NodeTaskStatus.SKIPPED);
        assertThat(terminated.status()).isEqualTo(NodeTaskStatus.TERMINATED);
        assertIllegal(held, task -> task.start(WORKER, T3), NodeTaskStatus.PAUSED, NodeTaskStatus.RUNNING);
        assertIllegal(running(), task -> task.hold("paused", T3), NodeTaskStatus.RUNNING, NodeTaskStatus.PAUSED);
        assertIllegal(pending(), task -> task.release(T3), NodeTaskStatus.PENDING, NodeTaskStatus.PENDING);
    }

    @Test
    void aRunningTaskCannotBeSkipped() {
        NodeTask task = running();

        assertThatThrownBy(() -> task.skip("upstream_skipped", T3))
                .isInstanceOf(IllegalNodeTaskTransitionException.class)
                .hasMessage("node task btc_4_buy cannot skip while running (skip goes from registered or pending or paused to skipped)");
    }

    @Test
    void aTaskMustBeReadyAndStartedBeforeItCompletes() {
        assertIllegal(registered(), task -> task.start(WORKER, T3), NodeTaskStatus.REGISTERED, NodeTaskStatus.RUNNING);
        assertIllegal(registered(), task -> task.complete(T3), NodeTaskStatus.REGISTERED, NodeTaskStatus.COMPLETED);
        assertIllegal(pending(), task -> task.complete(T3), NodeTaskStatus.PENDING, NodeTaskStatus.COMPLETED);
        assertIllegal(pending(), task -> task.fail("x", T3), NodeTaskStatus.PENDING, NodeTaskStatus.FAILED);
        assertIllegal(pending(), task -> task.markReady(T3), NodeTaskStatus.PENDING, NodeTaskStatus.PENDING);
        assertIllegal(registered(), task -> task.retryLater("x", T3), NodeTaskStatus.REGISTERED, NodeTaskStatus.PENDING);
        assertIllegal(running(), task -> task.start(WORKER, T3), NodeTaskStatus.RUNNING, NodeTaskStatus.RUNNING);
    }

    @Test
    void readyAndRetryBothLeadToPendingButFromDifferentStatuses() {
        assertIllegal(running(), task -> task.markReady(T3), NodeTaskStatus.RUNNING, NodeTaskStatus.PENDING);
        assertIllegal(pending(), task -> task.retryLater("x", T3), NodeTaskStatus.PENDING, NodeTaskStatus.PENDING);
        assertThatThrownBy(() -> registered().retryLater("x", T3))
                .hasMessage("node task btc_4_buy cannot be retried while registered (be retried goes from running to pending)");
    }

    @Test
    void aFinishedTaskNeverChangesAgain() {
        NodeTask completed = running();
        completed.complete(T2);
        completed.pullEvents();

        assertFinished(completed, task -> task.complete(T3));
        assertFinished(completed, task -> task.start(WORKER, T3));
        assertFinished(completed, task -> task.fail("late", T3));
        assertFinished(completed, task -> task.retryLater("redelivered", T3));
        assertFinished(completed, task -> task.terminate("stop", T3));
        assertFinished(completed, task -> task.skip("upstream_skipped", T3));
        assertFinished(completed, task -> task.markReady(T3));
        assertFinished(completed, task -> task.reportProgress(50, T3));

        assertThat(completed.status()).isEqualTo(NodeTaskStatus.COMPLETED);
        assertThat(completed.updatedAt()).isEqualTo(T2);
        assertThat(completed.pullEvents()).isEmpty();
    }

    @Test
    void alreadyFinishedNamesTheTaskAndItsStatus() {
        NodeTask task = registered();
        task.skip("upstream_skipped", T1);

        assertThatThrownBy(() -> task.markReady(T2))
                .isInstanceOf(NodeTaskAlreadyFinishedException.class)
                .hasMessage("node task btc_4_buy is already skipped; cannot become ready")
                .satisfies(e -> assertThat(((NodeTaskAlreadyFinishedException) e).status()).isEqualTo(NodeTaskStatus.SKIPPED));
    }

    @Test
    void progressIsReportedWhileRunning() {
        NodeTask task = running();

        task.reportProgress(40, T3);

        assertThat(task.progress()).isEqualTo(40);
        assertThat(task.updatedAt()).isEqualTo(T3);
        assertThat(task.pullEvents()).noneMatch(event -> event.at().equals(T3));
    }

    @Test
    void progressIsAPercentage() {
        NodeTask task = running();

        assertThatThrownBy(() -> task.reportProgress(101, T3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> task.reportProgress(-1, T3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void progressNeedsARunningTask() {
        assertThatThrownBy(() -> pending().reportProgress(10, T3))
                .isInstanceOf(NodeTaskNotRunningException.class)
                .hasMessageContaining("is pending, not running");
    }

    @Test
    void errorsAndReasonsMustSaySomething() {
        assertThatThrownBy(() -> running().fail(" ", T3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> running().terminate("", T3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registered().skip("  ", T3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectedChangesLeaveTheTaskAsItWas() {
        NodeTask task = pending();

        assertThatThrownBy(() -> task.complete(T3)).isInstanceOf(IllegalNodeTaskTransitionException.class);

        assertThat(task.status()).isEqualTo(NodeTaskStatus.PENDING);
        assertThat(task.updatedAt()).isEqualTo(T1);
        assertThat(task.pullEvents()).isEmpty();
    }

    @Test
    void rehydratingRecordsNoEvents() {
        NodeTask task = NodeTask.rehydrate(ID, "buy_node", COMPONENT, NodeTaskStatus.RUNNING, 2, WORKER, null, 30, T0, T2);

        assertThat(task.pullEvents()).isEmpty();
        assertThat(task.status()).isEqualTo(NodeTaskStatus.RUNNING);
        assertThat(task.attempts()).isEqualTo(2);
        assertThat(task.progress()).isEqualTo(30);

        task.complete(T3);
        assertThat(task.pullEvents()).hasSize(1);
    }

    @Test
    void rehydratingChecksTheStoredState() {
        assertThatThrownBy(() -> NodeTask.rehydrate(ID, "buy_node", COMPONENT, NodeTaskStatus.RUNNING, 1, null, null, 0, T0, T1))
                .hasMessageContaining("has no worker");
        assertThatThrownBy(() -> NodeTask.rehydrate(ID, "buy_node", COMPONENT, NodeTaskStatus.PENDING, -1, null, null, 0, T0, T1))
                .hasMessageContaining("attempts");
        assertThatThrownBy(() -> NodeTask.rehydrate(ID, "buy_node", COMPONENT, NodeTaskStatus.PENDING, 0, null, null, 120, T0, T1))
                .hasMessageContaining("progress");
        assertThatThrownBy(() -> NodeTask.rehydrate(ID, " ", COMPONENT, NodeTaskStatus.PENDING, 0, null, null, 0, T0, T1))
                .hasMessageContaining("node type");
    }

    private static void assertIllegal(NodeTask task, Consumer<NodeTask> change, NodeTaskStatus from, NodeTaskStatus to) {
        assertThatThrownBy(() -> change.accept(task))
                .isInstanceOf(IllegalNodeTaskTransitionException.class)
                .satisfies(e -> {
                    var illegal = (IllegalNodeTaskTransitionException) e;
                    assertThat(illegal.from()).isEqualTo(from);
                    assertThat(illegal.to()).isEqualTo(to);
                    assertThat(illegal.taskId()).isEqualTo(ID);
                });
    }

    private static void assertFinished(NodeTask task, Consumer<NodeTask> change) {
        assertThatThrownBy(() -> change.accept(task)).isInstanceOf(NodeTaskAlreadyFinishedException.class);
    }

    private static NodeTask registered() {
        NodeTask task = NodeTask.register(ID, "buy_node", COMPONENT, T0);
        task.pullEvents();
        return task;
    }

    private static NodeTask pending() {
        NodeTask task = registered();
        task.markReady(T1);
        task.pullEvents();
        return task;
    }

    private static NodeTask running() {
        NodeTask task = pending();
        task.start(WORKER, T1);
        task.pullEvents();
        return task;
    }
}
