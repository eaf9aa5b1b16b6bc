package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.PartialRun;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads partial runs. Their logs and signals are the journal's, under {@link PartialRunDetails#cycleNumber()}. */
public interface QueryPartialRunsUseCase {

    /**
     * @throws io.weatherstation.flow.application.port.in.FlowNotFoundException when there is no such flow
     */
    Optional<PartialRunDetails> partialRun(FlowId flowId, PartialRunId runId);

    /**
     * The flow's retained partial runs, newest first.
     *
     * @throws io.weatherstation.flow.application.port.in.FlowNotFoundException when there is no such flow
     */
    List<PartialRunDetails> partialRuns(FlowId flowId, int limit);

    /** A partial run with its cycle (status, times) and node tasks (topological order). */
    record PartialRunDetails(PartialRun run, Cycle cycle, List<NodeTask> tasks) {

        public PartialRunDetails {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(cycle, "cycle");
            tasks = List.copyOf(tasks);
        }

        public FlowId flowId() {
            return run.flowId();
        }

        public PartialRunId id() {
            return run.id();
        }

        /** The cycle number the run's tasks, logs and signals carry. */
        public CycleNumber cycleNumber() {
            return cycle.number();
        }

        public CycleStatus status() {
            return cycle.status();
        }
    }
}
