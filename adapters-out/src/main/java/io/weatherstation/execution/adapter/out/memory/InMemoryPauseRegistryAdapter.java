package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.out.PauseRegistry;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseState;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.shared.domain.FlowId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Pauses in memory, for the embedded mode. */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryPauseRegistryAdapter implements PauseRegistry {

    private final ConcurrentMap<FlowId, PauseState> states = new ConcurrentHashMap<>();

    @Override
    public PauseState state(FlowId flowId) {
        return states.getOrDefault(flowId, PauseState.none(flowId));
    }

    @Override
    public boolean add(FlowId flowId, Pause pause) {
        boolean[] added = new boolean[1];
        states.compute(flowId, (id, state) -> {
            PauseState current = state == null ? PauseState.none(id) : state;
            if (current.isPaused(pause.target())) {
                return current;
            }
            added[0] = true;
            return current.with(pause);
        });
        return added[0];
    }

    @Override
    public Optional<Pause> remove(FlowId flowId, PauseTarget target) {
        Pause[] removed = new Pause[1];
        states.computeIfPresent(flowId, (id, state) -> {
            Optional<Pause> pause = state.pause(target);
            if (pause.isEmpty()) {
                return state;
            }
            removed[0] = pause.get();
            PauseState rest = state.without(target);
            return rest.isEmpty() ? null : rest;
        });
        return Optional.ofNullable(removed[0]);
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        states.remove(flowId);
    }
}
