package io.weatherstation.execution.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.application.ExecutionService;
import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase.CycleDetails;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.flow.application.FlowScheduler;
import io.weatherstation.flow.application.FlowService;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase.RegisterFlowCommand;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase.Registration;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded station with a test-driven clock and timers. Subclasses share one application
 * context; each test uses its own flow ids, and every flow still running afterwards is stopped
 * with termination (cycles of flows that are not running are terminated too), so later tests'
 * clock moves fire nothing of it and no node of it keeps running.
 */
@SpringBootTest
@Import(ManualTimeConfiguration.class)
public abstract class EngineTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired protected FlowService flows;
    @Autowired protected FlowRepository flowRepository;
    @Autowired protected FlowScheduler scheduler;
    @Autowired protected ExecutionService execution;
    @Autowired protected ExecutionJournalUseCase journal;
    @Autowired protected RunningTasks runningTasks;
    @Autowired protected MutableClock clock;
    @Autowired protected ManualTimers timers;
    @Autowired protected HookedTickClaims tickClaims;

    @AfterEach
    void stopWhatStillRuns() {
        for (Flow flow : flowRepository.findAll()) {
            if (flow.status() == FlowStatus.RUNNING) {
                flows.stop(flow.id(), true);
            } else {
                execution.terminateRunningCycles(flow.id(), "test finished");
            }
        }
    }

    /** Awaitility tuned for an engine that finishes in milliseconds: no initial delay, fast polls. */
    protected static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> json(String text) {
        return JSON.readValue(text, Map.class);
    }

    protected Registration register(String flowId, String definition) {
        return flows.register(new RegisterFlowCommand(FlowId.of(flowId), json(definition)));
    }

    protected Flow flow(String flowId) {
        return flowRepository.find(FlowId.of(flowId)).orElseThrow();
    }

    protected long runNow(String flowId) {
        return execution.runNow(FlowId.of(flowId)).value();
    }

    protected boolean cycleExists(String flowId, long cycle) {
        return execution.cycle(FlowId.of(flowId), CycleNumber.of(cycle)).isPresent();
    }

    protected CycleDetails cycle(String flowId, long cycle) {
        return execution.cycle(FlowId.of(flowId), CycleNumber.of(cycle)).orElseThrow(
                () -> new AssertionError("flow " + flowId + " has no cycle " + cycle));
    }

    /**
     * Waits for the cycle to end and checks what every ended cycle must satisfy (SPEC §4.9,
     * failure mode 6): an end time, and every task in a terminal status.
     */
    protected CycleDetails awaitEnd(String flowId, long cycle) {
        eventually().until(() -> cycleExists(flowId, cycle) && !cycle(flowId, cycle).cycle().isRunning());
        CycleDetails details = cycle(flowId, cycle);
        assertThat(details.cycle().endTime()).as("end time of %s", details.cycle()).isNotNull();
        assertThat(details.tasks()).as("tasks of %s", details.cycle()).isNotEmpty()
                .allSatisfy(task -> assertThat(task.status().isTerminal()).as(task.toString()).isTrue());
        assertThat(details.tasks()).extracting(t -> t.id().nodeId())
                .containsExactlyInAnyOrderElementsOf(details.cycle().nodes());
        return details;
    }

    protected CycleStatus awaitEndStatus(String flowId, long cycle) {
        return awaitEnd(flowId, cycle).cycle().status();
    }

    protected NodeTask task(String flowId, long cycle, String nodeId) {
        return execution.task(NodeTaskId.of(FlowId.of(flowId), CycleNumber.of(cycle), NodeId.of(nodeId)).display())
                .orElseThrow(() -> new AssertionError("no task " + nodeId + " in cycle " + cycle + " of " + flowId));
    }

    protected void awaitTaskStatus(String flowId, long cycle, String nodeId, NodeTaskStatus status) {
        eventually().until(() -> cycleExists(flowId, cycle) && task(flowId, cycle, nodeId).status() == status);
    }

    /** Node id → status wire name, in definition order. */
    protected static Map<String, String> statuses(CycleDetails details) {
        Map<String, String> statuses = new LinkedHashMap<>();
        details.tasks().forEach(t -> statuses.put(t.id().nodeId().value(), t.status().wireName()));
        return statuses;
    }

    protected static String message(CycleDetails details, String nodeId) {
        return details.tasks().stream().filter(t -> t.id().nodeId().value().equals(nodeId)).findFirst()
                .map(NodeTask::message).orElse(null);
    }

    /** Every log line of the flow, oldest first. */
    protected List<LogEntry> logs(String flowId) {
        return journal.logs(new LogQuery(FlowId.of(flowId), null, null, null, null, LogQuery.MAX_LIMIT, 0,
                LogQuery.OrderBy.CREATED_AT, false)).items();
    }

    protected List<String> logMessages(String flowId) {
        return logs(flowId).stream().map(LogEntry::message).toList();
    }
}
