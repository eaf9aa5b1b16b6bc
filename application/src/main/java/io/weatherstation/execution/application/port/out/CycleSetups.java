package io.weatherstation.execution.application.port.out;

import io.weatherstation.flow.application.port.out.CycleLauncher;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Optional;

/**
 * The definition a cycle runs on, kept for the cycle's whole life: replacing a flow's definition
 * never changes a cycle that already started.
 */
public interface CycleSetups {

    void remember(FlowId flowId, CycleNumber cycle, CycleSetup setup);

    Optional<CycleSetup> find(FlowId flowId, CycleNumber cycle);

    void forget(FlowId flowId, CycleNumber cycle);

    void forgetFlow(FlowId flowId);

    /** The definition (and its version) a cycle started with, and why it started. */
    record CycleSetup(FlowDefinition definition, long definitionVersion, CycleLauncher.Trigger trigger,
            Instant scheduledAt) {
    }
}
