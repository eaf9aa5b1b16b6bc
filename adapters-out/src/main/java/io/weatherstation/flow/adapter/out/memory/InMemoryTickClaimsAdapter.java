package io.weatherstation.flow.adapter.out.memory;

import io.weatherstation.flow.application.port.out.TickClaims;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** One station instance: each tick is claimed once (the latest claimed instant per flow is kept). */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryTickClaimsAdapter implements TickClaims {

    private final Map<FlowId, Instant> lastClaimed = new ConcurrentHashMap<>();

    @Override
    public boolean claim(FlowId flowId, Instant scheduledAt) {
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
}
