package io.weatherstation.execution.application.port.out;

import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.Optional;

/** Termination requests for running tasks ({@code trading_flow:node:{id}:terminate}). */
public interface TerminationFlags {

    void request(NodeTaskId task, String reason);

    Optional<String> requested(NodeTaskId task);

    /**
     * Drops every request of the flow (it was deleted): a flow registered again under the same
     * id reuses task ids from cycle 0 and must not inherit them.
     */
    void forgetFlow(FlowId flowId);
}
