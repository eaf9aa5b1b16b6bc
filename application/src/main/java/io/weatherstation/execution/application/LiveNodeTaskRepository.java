package io.weatherstation.execution.application;

import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.journal.application.port.in.RecordLiveEventUseCase;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.journal.domain.LiveEventType;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link NodeTaskRepository} that announces every stored status change of a node task as a
 * {@code node_status} live event, after the change is stored. Whatever path changes a status —
 * runs, retries, skips, stops, terminations, recoveries — is announced, without the engine naming
 * each one. A store that retries a change on a conflict applies it several times; only the change
 * that was stored (the last applied) is announced.
 */
public final class LiveNodeTaskRepository implements NodeTaskRepository {

    private final NodeTaskRepository tasks;
    private final RecordLiveEventUseCase live;

    public LiveNodeTaskRepository(NodeTaskRepository tasks, RecordLiveEventUseCase live) {
        this.tasks = tasks;
        this.live = live;
    }

    @Override
    public <R> Optional<R> update(NodeTaskId id, Function<NodeTask, R> change) {
        @SuppressWarnings("unchecked")
        @Nullable LiveEvent[] changed = new LiveEvent[1];
        Optional<R> result = tasks.update(id, task -> {
            changed[0] = null;
            NodeTaskStatus before = task.status();
            R outcome = change.apply(task);
            if (task.status() != before) {
                changed[0] = statusChanged(task, before);
            }
            return outcome;
        });
        LiveEvent event = changed[0];
        if (event != null) {
            live.record(event);
        }
        return result;
    }

    /** The event of a status change: the values are taken now, the data object is built when read. */
    static LiveEvent statusChanged(NodeTask task, NodeTaskStatus before) {
        NodeTaskId id = task.id();
        String nodeType = task.nodeType();
        int component = task.component().value();
        NodeTaskStatus status = task.status();
        @Nullable String message = task.message();
        int attempts = task.attempts();
        @Nullable String worker = task.worker() == null ? null : task.worker().value();
        return LiveEvent.deferred(id.flowId(), LiveEventType.NODE_STATUS, task.updatedAt(), fields -> {
            fields.put("cycle", id.cycle().value());
            fields.put("node_id", id.nodeId().value());
            fields.put("node_task_id", id.display());
            fields.put("node_type", nodeType);
            fields.put("component_id", component);
            fields.put("status", status.wireName());
            fields.put("previous_status", before.wireName());
            fields.put("message", message);
            fields.put("attempts", attempts);
            fields.put("worker_id", worker);
        });
    }

    @Override
    public Optional<NodeTask> find(NodeTaskId id) {
        return tasks.find(id);
    }

    @Override
    public Optional<NodeTask> findByDisplayId(String displayId) {
        return tasks.findByDisplayId(displayId);
    }

    @Override
    public List<NodeTask> findByCycle(FlowId flowId, CycleNumber cycle) {
        return tasks.findByCycle(flowId, cycle);
    }

    @Override
    public void deleteFlow(FlowId flowId) {
        tasks.deleteFlow(flowId);
    }
}
