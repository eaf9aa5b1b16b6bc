package io.weatherstation.execution.application;

import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.journal.application.port.in.RecordLiveEventUseCase;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.journal.domain.LiveEventType;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CycleRepository} that announces a stored cycle as {@code cycle_started} and a cycle's
 * stored end as {@code cycle_finished} live events, after the store accepted them (see
 * {@link LiveNodeTaskRepository} for why the repository is the place).
 */
public final class LiveCycleRepository implements CycleRepository {

    private final CycleRepository cycles;
    private final RecordLiveEventUseCase live;

    public LiveCycleRepository(CycleRepository cycles, RecordLiveEventUseCase live) {
        this.cycles = cycles;
        this.live = live;
    }

    @Override
    public void insert(Cycle cycle, Collection<NodeTask> tasks) {
        cycles.insert(cycle, tasks);
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("cycle", cycle.number().value());
        fields.put("status", cycle.status().wireName());
        fields.put("start_time", cycle.startTime().toString());
        fields.put("nodes", tasks.stream().map(t -> t.id().nodeId().value()).toList());
        live.record(LiveEvent.of(cycle.flowId(), LiveEventType.CYCLE_STARTED, cycle.startTime(), fields));
    }

    @Override
    public <R> Optional<R> update(FlowId flowId, CycleNumber number, Function<Cycle, R> change) {
        @SuppressWarnings("unchecked")
        @Nullable LiveEvent[] finished = new LiveEvent[1];
        Optional<R> result = cycles.update(flowId, number, cycle -> {
            finished[0] = null;
            boolean wasRunning = cycle.isRunning();
            R outcome = change.apply(cycle);
            if (wasRunning && !cycle.isRunning()) {
                finished[0] = finished(cycle);
            }
            return outcome;
        });
        LiveEvent event = finished[0];
        if (event != null) {
            live.record(event);
        }
        return result;
    }

    private static LiveEvent finished(Cycle cycle) {
        Instant end = Objects.requireNonNull(cycle.endTime(), "a finished cycle has an end time");
        CycleStatus status = cycle.status();
        Duration duration = Duration.between(cycle.startTime(), end);
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("cycle", cycle.number().value());
        fields.put("status", status.wireName());
        fields.put("start_time", cycle.startTime().toString());
        fields.put("end_time", end.toString());
        fields.put("duration_ms", duration.isNegative() ? 0 : duration.toMillis());
        return LiveEvent.of(cycle.flowId(), LiveEventType.CYCLE_FINISHED, end, fields);
    }

    @Override
    public Optional<Cycle> find(FlowId flowId, CycleNumber number) {
        return cycles.find(flowId, number);
    }

    @Override
    public List<Cycle> findByFlow(FlowId flowId, int limit) {
        return cycles.findByFlow(flowId, limit);
    }

    @Override
    public List<CycleNumber> running(FlowId flowId) {
        return cycles.running(flowId);
    }

    @Override
    public int taskFinished(FlowId flowId, CycleNumber number, NodeId nodeId) {
        return cycles.taskFinished(flowId, number, nodeId);
    }

    @Override
    public void deleteFlow(FlowId flowId) {
        cycles.deleteFlow(flowId);
    }
}
