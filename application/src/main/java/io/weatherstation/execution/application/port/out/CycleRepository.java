package io.weatherstation.execution.application.port.out;

import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cycles of flows ({@code flow:{id}:cycle:{n}} and {@code …:nodes} in the distributed mode) and
 * the count of their unfinished tasks.
 */
public interface CycleRepository {

    /** Stores a new cycle with its registered tasks; every task counts as unfinished. */
    void insert(Cycle cycle, Collection<NodeTask> tasks);

    Optional<Cycle> find(FlowId flowId, CycleNumber number);

    /** Cycles of the flow, newest first, at most {@code limit}. */
    List<Cycle> findByFlow(FlowId flowId, int limit);

    /** Numbers of the flow's cycles still running. */
    List<CycleNumber> running(FlowId flowId);

    /** Applies {@code change} atomically with respect to other changes of the same cycle. */
    <R> Optional<R> update(FlowId flowId, CycleNumber number, Function<Cycle, R> change);

    /**
     * Records that a task reached a terminal status (idempotent per node) and returns how many
     * tasks of the cycle are still unfinished; 0 exactly once tells the caller to finish the cycle.
     */
    int taskFinished(FlowId flowId, CycleNumber number, NodeId nodeId);

    void deleteFlow(FlowId flowId);
}
