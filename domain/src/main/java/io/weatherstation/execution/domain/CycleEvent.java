package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;

/** Something that happened to a cycle; pulled from the aggregate and published by the application layer. */
public sealed interface CycleEvent permits CycleStarted, ComponentStopped, CycleTerminationRequested, CycleFinished {

    FlowId flowId();

    CycleNumber number();
}
