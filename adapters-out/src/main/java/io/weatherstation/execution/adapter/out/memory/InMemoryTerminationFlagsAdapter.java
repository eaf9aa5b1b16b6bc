package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Termination requests in memory; like the Redis key, a request expires after an hour. */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryTerminationFlagsAdapter implements TerminationFlags {

    private static final Duration TTL = Duration.ofHours(1);

    private final Clock clock;
    private final Map<NodeTaskId, Flag> flags = new ConcurrentHashMap<>();

    InMemoryTerminationFlagsAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void request(NodeTaskId task, String reason) {
        purgeExpired();
        flags.put(task, new Flag(reason, clock.instant().plus(TTL)));
    }

    /** Drops expired requests; returns how many went. */
    long purgeExpired() {
        Instant now = clock.instant();
        int before = flags.size();
        flags.values().removeIf(flag -> flag.expiresAt().isBefore(now));
        return Math.max(0, before - flags.size());
    }

    @Override
    public Optional<String> requested(NodeTaskId task) {
        if (flags.isEmpty()) {
            return Optional.empty();
        }
        Flag flag = flags.get(task);
        return flag == null || flag.expiresAt().isBefore(clock.instant()) ? Optional.empty() : Optional.of(flag.reason());
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        flags.keySet().removeIf(task -> task.flowId().equals(flowId));
    }

    private record Flag(String reason, Instant expiresAt) {
    }
}
