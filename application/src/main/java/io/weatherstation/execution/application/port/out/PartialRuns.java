package io.weatherstation.execution.application.port.out;

import io.weatherstation.execution.domain.PartialRun;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.shared.domain.FlowId;
import java.util.List;
import java.util.Optional;

/** Partial runs as they were started, per flow (their progress is their cycle's). */
public interface PartialRuns {

    /** The next partial run id of the flow: 1, 2, …, never handed out twice, on any instance. */
    PartialRunId claimNext(FlowId flowId);

    void save(PartialRun run);

    Optional<PartialRun> find(FlowId flowId, PartialRunId id);

    /** The flow's retained partial runs, newest first. */
    List<PartialRun> findByFlow(FlowId flowId, int limit);

    /** Drops every partial run of the flow (it was deleted). */
    void forgetFlow(FlowId flowId);
}
