package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The definitions running cycles use, in memory until the cycle ends. */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryCycleSetupsAdapter implements CycleSetups {

    private final Map<Key, CycleSetup> setups = new ConcurrentHashMap<>();

    @Override
    public void remember(FlowId flowId, CycleNumber cycle, CycleSetup setup) {
        setups.put(new Key(flowId, cycle.value()), setup);
    }

    @Override
    public Optional<CycleSetup> find(FlowId flowId, CycleNumber cycle) {
        return Optional.ofNullable(setups.get(new Key(flowId, cycle.value())));
    }

    @Override
    public void forget(FlowId flowId, CycleNumber cycle) {
        setups.remove(new Key(flowId, cycle.value()));
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        setups.keySet().removeIf(key -> key.flowId().equals(flowId));
    }

    private record Key(FlowId flowId, long cycle) {
    }
}
