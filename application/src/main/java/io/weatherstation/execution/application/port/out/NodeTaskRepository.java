package io.weatherstation.execution.application.port.out;

import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Node tasks ({@code node_tasks:{id}} and {@code trading_flow:node:{id}} in the distributed mode). */
public interface NodeTaskRepository {

    Optional<NodeTask> find(NodeTaskId id);

    /** Finds a task by its display id {@code {flow}_{cycle}_{node}} (looked up, never split). */
    Optional<NodeTask> findByDisplayId(String displayId);

    List<NodeTask> findByCycle(FlowId flowId, CycleNumber cycle);

    /**
     * Applies {@code change} atomically with respect to other changes of the same task. A change
     * that throws stores nothing. Empty when the task does not exist.
     */
    <R> Optional<R> update(NodeTaskId id, Function<NodeTask, R> change);

    void deleteFlow(FlowId flowId);
}
