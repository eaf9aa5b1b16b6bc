package io.weatherstation.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.application.ExecutionService;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.execution.application.port.out.TaskDispatcher;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.flow.application.FlowService;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase.RegisterFlowCommand;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Crash safety of task runs (SPEC §4 rule 10) and the dead-letter outcome, driven by hand: the
 * dispatcher only records assignments, and the test plays the transport that delivers them.
 */
@SpringBootTest
class TaskRedeliveryTest {

    private static final WorkerId LOST = WorkerId.of("lost-worker");
    private static final AtomicInteger FLOWS = new AtomicInteger();

    @TestConfiguration
    static class RecordingDispatch {
        @Bean
        @Primary
        RecordingDispatcher recordingDispatcher() {
            return new RecordingDispatcher();
        }
    }

    static final class RecordingDispatcher implements TaskDispatcher {
        final BlockingQueue<TaskAssignment> dispatched = new LinkedBlockingQueue<>();
        /** Dispatches of this node id fail, as when the broker stays unreachable through every retry. */
        volatile String refusedNode = "";

        @Override
        public void dispatch(TaskAssignment assignment) {
            refuse(assignment);
            dispatched.add(assignment);
        }

        @Override
        public void dispatchAfter(TaskAssignment assignment, Duration delay) {
            refuse(assignment);
            dispatched.add(assignment);
        }

        private void refuse(TaskAssignment assignment) {
            if (assignment.task().nodeId().value().equals(refusedNode)) {
                throw new IllegalStateException("broker unreachable after 5 attempts");
            }
        }
    }

    @Autowired FlowService flows;
    @Autowired ExecutionService execution;
    @Autowired NodeTaskRepository tasks;
    @Autowired RecordingDispatcher dispatcher;
    @Autowired WorkerId self;

    private FlowId flow;
    private CycleNumber cycle;

    @BeforeEach
    void clear() {
        dispatcher.dispatched.clear();
        dispatcher.refusedNode = "";
    }

    @Test
    void an_entry_task_the_dispatcher_cannot_take_fails_with_the_reason_instead_of_staying_pending() {
        dispatcher.refusedNode = "a";
        flow = FlowId.of("redelivery_" + FLOWS.incrementAndGet());
        flows.register(new RegisterFlowCommand(flow, chain("constant_node", Map.of("values", Map.of("v", 1)))));

        cycle = execution.runNow(flow);

        NodeTask a = task("a");
        assertThat(a.status()).isEqualTo(NodeTaskStatus.FAILED);
        assertThat(a.message()).isEqualTo("could not be dispatched: broker unreachable after 5 attempts");
        assertThat(task("b").status()).isEqualTo(NodeTaskStatus.SKIPPED);
        assertThat(execution.cycle(flow, cycle).orElseThrow().cycle().status()).isEqualTo(CycleStatus.FAILED);
    }

    @Test
    void a_downstream_task_the_dispatcher_cannot_take_fails_and_its_cycle_ends() throws Exception {
        TaskAssignment first = startChain("constant_node", Map.of("values", Map.of("v", 1)));
        dispatcher.refusedNode = "b";

        execution.run(first);

        await().atMost(Duration.ofSeconds(10)).until(() -> task("b").status() == NodeTaskStatus.FAILED);
        assertThat(task("a").status()).isEqualTo(NodeTaskStatus.COMPLETED);
        assertThat(task("b").message()).isEqualTo("could not be dispatched: broker unreachable after 5 attempts");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                execution.cycle(flow, cycle).orElseThrow().cycle().status() == CycleStatus.FAILED);
    }

    @Test
    void a_retry_the_dispatcher_cannot_schedule_fails_the_task() throws Exception {
        Map<String, Object> failing = new java.util.LinkedHashMap<>(Map.of("id", "a", "type", "fail_node",
                "config", Map.of("message", "exchange down")));
        failing.put("retry", Map.of("max_attempts", 3, "backoff_seconds", 0.1));
        flow = FlowId.of("redelivery_" + FLOWS.incrementAndGet());
        flows.register(new RegisterFlowCommand(flow, Map.of("nodes", List.of(failing,
                        Map.of("id", "b", "type", "code_node", "config", Map.of("expression", "{'x': 1}"))),
                "edges", List.of(Map.of("source", "a", "source_handle", "output", "target", "b",
                        "target_handle", "input_data")))));
        cycle = execution.runNow(flow);
        TaskAssignment first = next();
        dispatcher.refusedNode = "a";

        execution.run(first);

        NodeTask a = task("a");
        assertThat(a.status()).isEqualTo(NodeTaskStatus.FAILED);
        assertThat(a.message()).isEqualTo("could not be dispatched: broker unreachable after 5 attempts");
        assertThat(task("b").status()).isEqualTo(NodeTaskStatus.SKIPPED);
        assertThat(execution.cycle(flow, cycle).orElseThrow().cycle().status()).isEqualTo(CycleStatus.FAILED);
    }

    @Test
    void a_redelivered_task_left_running_by_a_lost_worker_runs_again() throws Exception {
        TaskAssignment first = startChain("constant_node", Map.of("values", Map.of("v", 1)));
        startedBy(first.task(), LOST);

        execution.run(first.asRedelivered());

        NodeTask a = task("a");
        assertThat(a.status()).isEqualTo(NodeTaskStatus.COMPLETED);
        assertThat(a.worker()).isEqualTo(self);
        assertThat(a.attempts()).isEqualTo(2);
        assertThat(next().task().nodeId()).isEqualTo(NodeId.of("b"));
    }

    @Test
    void a_first_delivery_leaves_a_task_that_is_running_elsewhere_alone() throws Exception {
        TaskAssignment first = startChain("constant_node", Map.of("values", Map.of("v", 1)));
        startedBy(first.task(), LOST);

        execution.run(first);

        NodeTask a = task("a");
        assertThat(a.status()).isEqualTo(NodeTaskStatus.RUNNING);
        assertThat(a.worker()).isEqualTo(LOST);
        assertThat(dispatcher.dispatched).isEmpty();
    }

    @Test
    void a_completed_task_is_never_run_again_by_a_redelivery() throws Exception {
        TaskAssignment first = startChain("constant_node", Map.of("values", Map.of("v", 1)));
        execution.run(first);
        assertThat(next().task().nodeId()).isEqualTo(NodeId.of("b"));

        execution.run(first.asRedelivered());

        NodeTask a = task("a");
        assertThat(a.status()).isEqualTo(NodeTaskStatus.COMPLETED);
        assertThat(a.attempts()).isEqualTo(1);
        assertThat(dispatcher.dispatched).isEmpty();
    }

    @Test
    void a_redelivery_does_not_restart_a_task_that_still_runs_on_this_instance() throws Exception {
        TaskAssignment first = startChain("delay_node", Map.of("seconds", 60));
        Thread runner = Thread.ofVirtual().start(() -> execution.run(first));
        await().atMost(Duration.ofSeconds(10)).until(() -> task("a").status() == NodeTaskStatus.RUNNING);

        execution.run(first.asRedelivered());

        NodeTask a = task("a");
        assertThat(a.status()).isEqualTo(NodeTaskStatus.RUNNING);
        assertThat(a.attempts()).isEqualTo(1);
        execution.stop(first.task().display(), "test over");
        runner.join(Duration.ofSeconds(10));
        assertThat(task("a").status()).isEqualTo(NodeTaskStatus.TERMINATED);
    }

    @Test
    void a_task_the_transport_gave_up_on_fails_and_its_downstream_is_skipped() throws Exception {
        TaskAssignment first = startChain("constant_node", Map.of("values", Map.of("v", 1)));

        execution.fail(first.task(), "delivery limit exceeded after 6 attempts");

        NodeTask a = task("a");
        assertThat(a.status()).isEqualTo(NodeTaskStatus.FAILED);
        assertThat(a.message()).isEqualTo("delivery limit exceeded after 6 attempts");
        assertThat(task("b").status()).isEqualTo(NodeTaskStatus.SKIPPED);
        assertThat(execution.cycle(flow, cycle).orElseThrow().cycle().status()).isEqualTo(CycleStatus.FAILED);
    }

    @Test
    void a_task_left_running_by_a_lost_worker_can_be_failed() throws Exception {
        TaskAssignment first = startChain("constant_node", Map.of("values", Map.of("v", 1)));
        startedBy(first.task(), LOST);

        execution.fail(first.task(), "delivery limit exceeded after 6 attempts");

        assertThat(task("a").status()).isEqualTo(NodeTaskStatus.FAILED);
        assertThat(execution.cycle(flow, cycle).orElseThrow().cycle().status()).isEqualTo(CycleStatus.FAILED);
    }

    @Test
    void failing_a_finished_task_changes_nothing() throws Exception {
        TaskAssignment first = startChain("constant_node", Map.of("values", Map.of("v", 1)));
        execution.run(first);

        execution.fail(first.task(), "delivery limit exceeded after 6 attempts");

        assertThat(task("a").status()).isEqualTo(NodeTaskStatus.COMPLETED);
        assertThat(task("b").status()).isEqualTo(NodeTaskStatus.PENDING);
    }

    @Test
    void a_task_waiting_for_a_signal_that_was_lost_fails_and_its_cycle_ends() throws Exception {
        TaskAssignment first = startChain("constant_node", Map.of("values", Map.of("v", 1)));
        NodeTaskId b = NodeTaskId.of(flow, cycle, NodeId.of("b"));

        execution.failWaiting(b, "signal from a.output could not be delivered: delivery limit exceeded after 6 attempts");

        assertThat(task("b").status()).isEqualTo(NodeTaskStatus.FAILED);
        assertThat(task("b").message())
                .isEqualTo("signal from a.output could not be delivered: delivery limit exceeded after 6 attempts");
        execution.run(first);
        assertThat(task("a").status()).isEqualTo(NodeTaskStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                execution.cycle(flow, cycle).orElseThrow().cycle().status() == CycleStatus.FAILED);
        assertThat(task("b").status()).isEqualTo(NodeTaskStatus.FAILED);
        assertThat(dispatcher.dispatched).isEmpty();
    }

    @Test
    void a_lost_signal_leaves_a_task_that_no_longer_waits_alone() throws Exception {
        TaskAssignment first = startChain("constant_node", Map.of("values", Map.of("v", 1)));

        execution.failWaiting(first.task(), "signal from x.output could not be read");

        assertThat(task("a").status()).isEqualTo(NodeTaskStatus.PENDING);
        execution.run(first);
        execution.failWaiting(first.task(), "signal from x.output could not be read");
        assertThat(task("a").status()).isEqualTo(NodeTaskStatus.COMPLETED);
    }

    /** Registers a → b (code_node), starts a cycle and returns a's assignment, not yet run. */
    private TaskAssignment startChain(String entryType, Map<String, Object> entryConfig) throws InterruptedException {
        flow = FlowId.of("redelivery_" + FLOWS.incrementAndGet());
        flows.register(new RegisterFlowCommand(flow, chain(entryType, entryConfig)));
        cycle = execution.runNow(flow);
        TaskAssignment first = next();
        assertThat(first.task().nodeId()).isEqualTo(NodeId.of("a"));
        return first;
    }

    private static Map<String, Object> chain(String entryType, Map<String, Object> entryConfig) {
        return Map.of(
                "nodes", List.of(
                        Map.of("id", "a", "type", entryType, "config", entryConfig),
                        Map.of("id", "b", "type", "code_node", "config", Map.of("expression", "{'x': 1}"))),
                "edges", List.of(
                        Map.of("source", "a", "source_handle", "output", "target", "b", "target_handle", "input_data")));
    }

    private TaskAssignment next() throws InterruptedException {
        TaskAssignment assignment = dispatcher.dispatched.poll(10, TimeUnit.SECONDS);
        assertThat(assignment).as("a dispatched task").isNotNull();
        return assignment;
    }

    private void startedBy(NodeTaskId id, WorkerId worker) {
        tasks.update(id, task -> {
            task.start(worker, Instant.now());
            task.pullEvents();
            return true;
        });
    }

    private NodeTask task(String node) {
        return tasks.find(NodeTaskId.of(flow, cycle, NodeId.of(node))).orElseThrow();
    }
}
