package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.out.PartialRuns;
import io.weatherstation.execution.domain.PartialRun;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.shared.domain.FlowId;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Partial runs in memory, for the embedded mode; per flow the last
 * {@code station.state.retention-cycles} are kept, like cycles.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryPartialRunsAdapter implements PartialRuns {

    private final int retained;
    private final ConcurrentMap<FlowId, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final ConcurrentMap<FlowId, NavigableMap<PartialRunId, PartialRun>> runs = new ConcurrentHashMap<>();

    InMemoryPartialRunsAdapter(@Value("${station.state.retention-cycles:100}") int retained) {
        if (retained < 1) {
            throw new IllegalArgumentException("station.state.retention-cycles must be at least 1");
        }
        this.retained = retained;
    }

    @Override
    public PartialRunId claimNext(FlowId flowId) {
        return PartialRunId.of(sequences.computeIfAbsent(flowId, id -> new AtomicLong()).incrementAndGet());
    }

    @Override
    public void save(PartialRun run) {
        NavigableMap<PartialRunId, PartialRun> ofFlow = runs.computeIfAbsent(run.flowId(),
                id -> new ConcurrentSkipListMap<>());
        ofFlow.put(run.id(), run);
        while (ofFlow.size() > retained) {
            ofFlow.pollFirstEntry();
        }
    }

    @Override
    public Optional<PartialRun> find(FlowId flowId, PartialRunId id) {
        NavigableMap<PartialRunId, PartialRun> ofFlow = runs.get(flowId);
        return ofFlow == null ? Optional.empty() : Optional.ofNullable(ofFlow.get(id));
    }

    @Override
    public List<PartialRun> findByFlow(FlowId flowId, int limit) {
        NavigableMap<PartialRunId, PartialRun> ofFlow = runs.get(flowId);
        return ofFlow == null ? List.of() : ofFlow.descendingMap().values().stream().limit(limit).toList();
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        runs.remove(flowId);
        sequences.remove(flowId);
    }
}
