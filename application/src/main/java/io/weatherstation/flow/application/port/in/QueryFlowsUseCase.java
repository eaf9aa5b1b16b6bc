package io.weatherstation.flow.application.port.in;

import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.shared.domain.FlowId;
import java.util.List;
import java.util.Optional;

/** Reads flows and their parsed definitions. */
public interface QueryFlowsUseCase {

    Optional<Flow> find(FlowId flowId);

    List<Flow> all();

    /** The flow with its definition parsed (cached by definition version). */
    Optional<LoadedFlow> load(FlowId flowId);

    /** A flow and its parsed definition, consistent with each other. */
    record LoadedFlow(Flow flow, FlowDefinition definition) {
    }
}
