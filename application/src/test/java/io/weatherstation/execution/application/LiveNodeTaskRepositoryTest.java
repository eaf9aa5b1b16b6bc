package io.weatherstation.execution.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.journal.domain.LiveEventType;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveNodeTaskRepositoryTest {

    private static final NodeTaskId ID = NodeTaskId.of(FlowId.of("btc"), CycleNumber.of(4), NodeId.of("buy"));
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aStatusEventShowsTheTaskAsItWasWhenItsStatusChangedNotAsItIsWhenRead() {
        NodeTask task = NodeTask.register(ID, "buy_node", ComponentId.of(2), T0);
        task.markReady(T0.plusSeconds(1));
        task.start(WorkerId.of("worker-1"), T0.plusSeconds(2));
        LiveEvent started = LiveNodeTaskRepository.statusChanged(task, NodeTaskStatus.PENDING);

        task.complete(T0.plusSeconds(3));

        assertThat(started.type()).isEqualTo(LiveEventType.NODE_STATUS);
        assertThat(started.at()).isEqualTo(T0.plusSeconds(2));
        assertThat(started.data())
                .containsEntry("flow_id", "btc")
                .containsEntry("cycle", 4L)
                .containsEntry("node_id", "buy")
                .containsEntry("node_task_id", ID.display())
                .containsEntry("node_type", "buy_node")
                .containsEntry("component_id", 2)
                .containsEntry("status", "running")
                .containsEntry("previous_status", "pending")
                .containsEntry("attempts", 1)
                .containsEntry("worker_id", "worker-1")
                .containsEntry("at", "2026-03-01T10:00:02Z");
    }
}
