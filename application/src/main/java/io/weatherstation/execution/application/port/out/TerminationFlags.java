package io.weatherstation.execution.application.port.out;

import io.weatherstation.shared.domain.NodeTaskId;
import java.util.Optional;

/** Termination requests for running tasks ({@code trading_flow:node:{id}:terminate}). */
public interface TerminationFlags {

    void request(NodeTaskId task, String reason);

    Optional<String> requested(NodeTaskId task);
}
