package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.out.ParkedTasks;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Assignments of held tasks in memory, for the embedded mode. */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryParkedTasksAdapter implements ParkedTasks {

    private final ConcurrentMap<FlowId, ConcurrentMap<NodeTaskId, TaskAssignment>> parked = new ConcurrentHashMap<>();

    @Override
    public void park(TaskAssignment assignment) {
        parked.computeIfAbsent(assignment.task().flowId(), id -> new ConcurrentHashMap<>())
                .put(assignment.task(), assignment);
    }

    @Override
    public Optional<TaskAssignment> take(NodeTaskId task) {
        ConcurrentMap<NodeTaskId, TaskAssignment> ofFlow = parked.get(task.flowId());
        return ofFlow == null ? Optional.empty() : Optional.ofNullable(ofFlow.remove(task));
    }

    @Override
    public List<TaskAssignment> parked(FlowId flowId) {
        ConcurrentMap<NodeTaskId, TaskAssignment> ofFlow = parked.get(flowId);
        return ofFlow == null ? List.of() : List.copyOf(ofFlow.values());
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        parked.remove(flowId);
    }
}
