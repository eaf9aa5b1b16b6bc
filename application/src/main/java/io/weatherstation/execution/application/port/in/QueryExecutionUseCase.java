package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads cycles and node tasks. */
public interface QueryExecutionUseCase {

    Optional<CycleDetails> cycle(FlowId flowId, CycleNumber cycle);

    /** Cycles of the flow, newest first. */
    List<Cycle> cycles(FlowId flowId, int limit);

    Optional<NodeTask> task(String nodeTaskId);

    /** A cycle with its node tasks (definition order). */
    record CycleDetails(Cycle cycle, List<NodeTask> tasks) {

        public CycleDetails {
            tasks = List.copyOf(tasks);
        }

        public Map<NodeTaskStatus, Integer> countsByStatus() {
            Map<NodeTaskStatus, Integer> counts = new EnumMap<>(NodeTaskStatus.class);
            for (NodeTaskStatus status : NodeTaskStatus.values()) {
                counts.put(status, 0);
            }
            tasks.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
            return counts;
        }
    }
}
