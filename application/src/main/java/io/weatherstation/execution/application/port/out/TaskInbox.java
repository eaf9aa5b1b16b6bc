package io.weatherstation.execution.application.port.out;

import io.weatherstation.execution.domain.EdgeKey;
import io.weatherstation.execution.domain.NodeInputWiring;
import io.weatherstation.execution.domain.ReadinessVerdict;
import io.weatherstation.execution.domain.SkipReason;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.signaling.domain.Signal;
import org.jspecify.annotations.Nullable;

/**
 * Per-task input inboxes. Each call records an arrival and decides readiness in one atomic step,
 * so duplicate or concurrent signals trigger a node at most once: a READY or SKIP verdict is
 * returned to exactly one caller, later calls get ALREADY_TRIGGERED.
 */
public interface TaskInbox {

    /**
     * Records a signal on {@code handle}, or on every handle it feeds when {@code handle} is null
     * (a wildcard send whose payload is keyed by target handle).
     */
    ReadinessVerdict deliver(NodeTaskId task, NodeInputWiring wiring, EdgeKey edge, @Nullable HandleName handle,
            Signal signal);

    /** Records that {@code edge} will never deliver (its handle produced nothing or its node failed). */
    ReadinessVerdict skip(NodeTaskId task, NodeInputWiring wiring, EdgeKey edge, SkipReason reason);

    /** Drops the inboxes of a finished cycle. */
    void forgetCycle(FlowId flowId, CycleNumber cycle);

    void forgetFlow(FlowId flowId);
}
