package io.weatherstation.execution.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunningTasksTest {

    private static final FlowId FLOW = FlowId.of("flow");
    private static final CycleNumber CYCLE = CycleNumber.of(3);

    private final RunningTasks running = new RunningTasks(Duration.ofMillis(20));
    private final Map<NodeTaskId, String> interruptions = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        running.close();
    }

    @Test
    void terminate_matching_interrupts_only_the_selected_tasks_and_counts_them() {
        NodeTaskId a = NodeTaskId.of(FLOW, CYCLE, NodeId.of("a"));
        NodeTaskId b = NodeTaskId.of(FLOW, CYCLE, NodeId.of("b"));
        NodeTaskId other = NodeTaskId.of(FLOW, CycleNumber.of(4), NodeId.of("a"));
        runUntilInterrupted(a, ComponentId.of(0));
        runUntilInterrupted(b, ComponentId.of(1));
        runUntilInterrupted(other, ComponentId.of(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> running.count() == 3);

        int interrupted = running.terminateMatching(handle -> handle.task().flowId().equals(FLOW)
                && handle.task().cycle().equals(CYCLE) && handle.component().equals(ComponentId.of(0)), "stopped by x");

        assertThat(interrupted).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> interruptions.containsKey(a));
        assertThat(interruptions).containsExactly(Map.entry(a, "stopped by x"));
        assertThat(running.isRunning(a)).isFalse();
        assertThat(running.isRunning(b)).isTrue();
        assertThat(running.isRunning(other)).isTrue();
    }

    @Test
    void a_termination_before_arming_is_kept_and_interrupts_only_once_armed() {
        NodeTaskId a = NodeTaskId.of(FLOW, CYCLE, NodeId.of("a"));
        RunningTasks.Handle handle = running.prepare(a, ComponentId.of(0), Duration.ofSeconds(5));
        assertThat(handle).isNotNull();
        try (handle) {
            assertThat(running.terminate(a, "stop")).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            assertThat(handle.interruption()).isEqualTo("stop");

            handle.arm();

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        assertThat(Thread.interrupted()).isFalse();
        assertThat(running.isRunning(a)).isFalse();
    }

    @Test
    void a_second_delivery_of_a_task_prepared_here_leaves_the_first_registered() {
        NodeTaskId a = NodeTaskId.of(FLOW, CYCLE, NodeId.of("a"));
        try (RunningTasks.Handle first = running.prepare(a, ComponentId.of(0), Duration.ofSeconds(5))) {
            assertThat(running.prepare(a, ComponentId.of(0), Duration.ofSeconds(5))).isNull();
            assertThat(running.isRunning(a)).isTrue();
            first.arm();
            assertThat(running.isRunning(a)).isTrue();
        }
        assertThat(running.isRunning(a)).isFalse();
    }

    @Test
    void a_task_is_running_between_enter_and_close() {
        NodeTaskId a = NodeTaskId.of(FLOW, CYCLE, NodeId.of("a"));
        assertThat(running.isRunning(a)).isFalse();
        try (RunningTasks.Handle handle = running.enter(a, ComponentId.of(0), Duration.ofSeconds(5))) {
            assertThat(running.isRunning(a)).isTrue();
            assertThat(handle.task()).isEqualTo(a);
            assertThat(handle.component()).isEqualTo(ComponentId.of(0));
        }
        assertThat(running.isRunning(a)).isFalse();
        assertThat(running.terminateMatching(handle -> true, "nothing runs")).isZero();
    }

    private void runUntilInterrupted(NodeTaskId task, ComponentId component) {
        Thread.ofVirtual().start(() -> {
            try (RunningTasks.Handle handle = running.enter(task, component, Duration.ofMinutes(1))) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interruptions.put(task, String.valueOf(handle.interruption()));
                }
            }
        });
    }
}
