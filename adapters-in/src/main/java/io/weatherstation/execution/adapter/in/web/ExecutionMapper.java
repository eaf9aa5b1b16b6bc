package io.weatherstation.execution.adapter.in.web;

import io.weatherstation.execution.adapter.in.web.ExecutionResponses.ComponentStopResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.CycleResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.CycleSummaryResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.LogLineResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.LogResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.NodeExecutionResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.NodeTaskResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.SignalResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.StatisticsResponse;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.NodeExecution;
import io.weatherstation.execution.application.port.in.QueryExecutionUseCase.CycleDetails;
import io.weatherstation.execution.domain.ComponentStop;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.WorkerId;
import java.util.List;
import java.util.Map;

/** Domain objects → response records, by hand. */
final class ExecutionMapper {

    private ExecutionMapper() {
    }

    static CycleSummaryResponse summary(Cycle cycle) {
        return new CycleSummaryResponse(cycle.number().value(), cycle.status().wireName(), cycle.startTime(),
                cycle.endTime(), cycle.terminationRequested());
    }

    static CycleResponse cycle(CycleDetails details) {
        Cycle cycle = details.cycle();
        return new CycleResponse(cycle.flowId().value(), cycle.number().value(), cycle.status().wireName(),
                cycle.startTime(), cycle.endTime(), cycle.terminationRequested(), componentStops(cycle),
                statistics(details), tasks(details.tasks()));
    }

    static List<ComponentStopResponse> componentStops(Cycle cycle) {
        return cycle.componentStops().values().stream().map(ExecutionMapper::componentStop).toList();
    }

    private static ComponentStopResponse componentStop(ComponentStop stop) {
        return new ComponentStopResponse(stop.component().value(), stop.reason(), stop.sourceNode().value(), stop.at());
    }

    static StatisticsResponse statistics(CycleDetails details) {
        Map<NodeTaskStatus, Integer> counts = details.countsByStatus();
        return new StatisticsResponse(details.tasks().size(),
                counts.get(NodeTaskStatus.REGISTERED), counts.get(NodeTaskStatus.PENDING),
                counts.get(NodeTaskStatus.PAUSED), counts.get(NodeTaskStatus.RUNNING), counts.get(NodeTaskStatus.COMPLETED),
                counts.get(NodeTaskStatus.FAILED), counts.get(NodeTaskStatus.TERMINATED),
                counts.get(NodeTaskStatus.SKIPPED));
    }

    static StatisticsResponse noStatistics() {
        return new StatisticsResponse(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static List<NodeTaskResponse> tasks(List<NodeTask> tasks) {
        return tasks.stream().map(ExecutionMapper::task).toList();
    }

    static NodeTaskResponse task(NodeTask task) {
        WorkerId worker = task.worker();
        return new NodeTaskResponse(task.id().display(), task.id().flowId().value(), task.id().cycle().value(),
                task.id().nodeId().value(), task.nodeType(), task.component().value(), task.status().wireName(),
                task.attempts(), worker == null ? null : worker.value(), task.message(), task.progress(),
                task.registeredAt(), task.updatedAt());
    }

    static LogResponse log(LogEntry entry) {
        return new LogResponse(entry.flowId().value(), entry.cycle() < 0 ? null : entry.cycle(),
                entry.nodeId() == null ? null : entry.nodeId().value(), entry.level().name(), entry.source().code(),
                entry.message(), entry.metadata(), entry.createdAt());
    }

    static SignalResponse signal(SignalRecord record) {
        return new SignalResponse(record.flowId().value(), record.cycle(), record.componentId(), record.sourceNode(),
                record.sourceHandle(), record.targetNode(), record.targetHandle(), record.signalType(),
                record.payload(), record.createdAt());
    }

    static NodeExecutionResponse execution(NodeExecution execution) {
        return new NodeExecutionResponse(execution.nodeType(), execution.outcome().wireName(), execution.outputs(),
                execution.stopReason(), execution.error(),
                execution.logs().stream().map(l -> new LogLineResponse(l.timestamp(), l.level(), l.message())).toList(),
                execution.startedAt(), execution.duration().toMillis());
    }
}
