package io.weatherstation.execution.support;

import io.weatherstation.flow.application.port.out.TickClaims;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Single-instance tick claims (each flow and instant is claimed once) with a hook a test can
 * run at the moment a tick is claimed, to interleave a user action with a firing tick.
 */
public final class HookedTickClaims implements TickClaims {

    private final Map<FlowId, Instant> lastClaimed = new ConcurrentHashMap<>();
    private final Map<FlowId, Consumer<FlowId>> hooks = new ConcurrentHashMap<>();

    @Override
    public boolean claim(FlowId flowId, Instant scheduledAt) {
        Consumer<FlowId> hook = hooks.remove(flowId);
        if (hook != null) {
            hook.accept(flowId);
        }
        boolean[] won = new boolean[1];
        lastClaimed.compute(flowId, (id, last) -> {
            if (last == null || scheduledAt.isAfter(last)) {
                won[0] = true;
                return scheduledAt;
            }
            return last;
        });
        return won[0];
    }

    /** Runs {@code hook} once, when the next tick of {@code flowId} is claimed. */
    public void onNextClaim(FlowId flowId, Consumer<FlowId> hook) {
        hooks.put(flowId, hook);
    }
}
