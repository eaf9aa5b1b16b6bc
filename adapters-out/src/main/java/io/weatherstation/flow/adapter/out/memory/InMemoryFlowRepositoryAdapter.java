package io.weatherstation.flow.adapter.out.memory;

import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.shared.domain.FlowId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Flows in memory. Callers get their own copy of a flow, so a caller changing an aggregate never
 * changes what another thread sees until {@link #update} stores it; updates of one flow are
 * serialised.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryFlowRepositoryAdapter implements FlowRepository {

    private final Map<FlowId, Flow> flows = new ConcurrentHashMap<>();

    @Override
    public Optional<Flow> find(FlowId id) {
        return Optional.ofNullable(flows.get(id)).map(InMemoryFlowRepositoryAdapter::copy);
    }

    @Override
    public List<Flow> findAll() {
        return flows.values().stream().map(InMemoryFlowRepositoryAdapter::copy)
                .sorted(Comparator.comparing(Flow::createdAt).thenComparing(f -> f.id().value()))
                .toList();
    }

    @Override
    public boolean insert(Flow flow) {
        return flows.putIfAbsent(flow.id(), copy(flow)) == null;
    }

    @Override
    public <R> Optional<R> update(FlowId id, Function<Flow, R> change) {
        Object[] result = new Object[1];
        boolean[] found = new boolean[1];
        flows.computeIfPresent(id, (key, stored) -> {
            Flow working = copy(stored);
            result[0] = change.apply(working);
            found[0] = true;
            return working;
        });
        @SuppressWarnings("unchecked")
        R value = (R) result[0];
        return found[0] ? Optional.ofNullable(value) : Optional.empty();
    }

    @Override
    public boolean delete(FlowId id) {
        return flows.remove(id) != null;
    }

    private static Flow copy(Flow flow) {
        return flow.copy();
    }
}
