package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;

/** Something that happened to a flow, recorded by {@link Flow} and pulled by the application. */
public sealed interface FlowEvent
        permits FlowRegistered, FlowDefinitionReplaced, FlowStarted, FlowStopped, FlowCompleted {

    FlowId flowId();

    Instant occurredAt();
}
