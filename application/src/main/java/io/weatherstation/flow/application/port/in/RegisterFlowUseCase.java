package io.weatherstation.flow.application.port.in;

import io.weatherstation.flow.domain.Flow;
import io.weatherstation.shared.domain.FlowId;
import java.util.Objects;

/**
 * Registers a flow, or replaces the definition of an existing one (keeping {@code last_cycle}).
 * A running flow keeps running on the new definition from its next cycle on.
 */
public interface RegisterFlowUseCase {

    /**
     * @throws io.weatherstation.flow.domain.InvalidFlowDefinitionException listing every problem;
     *         nothing is stored then
     */
    Registration register(RegisterFlowCommand command);

    /** @param definition the Weather Syntax document as a JSON tree (maps, lists, scalars) */
    record RegisterFlowCommand(FlowId flowId, Object definition) {
        public RegisterFlowCommand {
            Objects.requireNonNull(flowId, "flowId");
            Objects.requireNonNull(definition, "definition");
        }
    }

    /** The stored flow and whether it replaced an earlier definition. */
    record Registration(Flow flow, boolean replaced) {
    }
}
