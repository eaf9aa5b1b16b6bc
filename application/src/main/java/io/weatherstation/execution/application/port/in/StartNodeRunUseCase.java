package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.ExecuteNodeCommand;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.NodeExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs one node in isolation in the background, under a caller-chosen run id (the compatibility
 * API uses the original's task id {@code {flow_id}_{cycle}_{node_id}}), and remembers how it
 * ended. At most one run per id is in progress unless the caller forces another. Nothing is
 * stored in a flow and no signal is sent: this is {@link ExecuteNodeUseCase} without waiting.
 */
public interface StartNodeRunUseCase {

    /**
     * Checks the request at once (exactly as {@link ExecuteNodeUseCase#execute} does), then starts
     * the node and returns without waiting for it.
     *
     * @throws NodeRunConflictException when a run with this id is still in progress and {@code force} is not set
     * @throws io.weatherstation.catalog.application.NodeTypeNotFoundException when the type is not registered
     * @throws InvalidNodeConfigException listing every problem with the request
     */
    NodeRun start(StartNodeRunCommand command);

    /** The latest run with this id, while it is remembered (the most recent runs are kept). */
    Optional<NodeRun> find(String runId);

    /** @param force start even while a run with the same id is in progress */
    record StartNodeRunCommand(String runId, ExecuteNodeCommand execution, boolean force) {
        public StartNodeRunCommand {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(execution, "execution");
        }
    }

    /** Where a background run is. */
    enum RunStatus {
        RUNNING, COMPLETED, FAILED, STOPPED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A background run; {@code result} is there once it has ended. */
    record NodeRun(String runId, String nodeType, RunStatus status, Instant startedAt, @Nullable NodeExecution result) {

        public NodeRun {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(nodeType, "nodeType");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        public boolean inProgress() {
            return status == RunStatus.RUNNING;
        }

        /** How long it has run (until now while in progress). */
        public Duration elapsed(Instant now) {
            return result != null ? result.duration() : Duration.between(startedAt, now);
        }
    }
}
