package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.out.StateCleanup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Housekeeping of the in-memory state. Cycles beyond the retained window are evicted as new ones
 * are stored and there are no index sets or worker task lists to repair, so a pass only drops
 * expired termination requests.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryStateCleanupAdapter implements StateCleanup {

    private final InMemoryTerminationFlagsAdapter flags;

    InMemoryStateCleanupAdapter(InMemoryTerminationFlagsAdapter flags) {
        this.flags = flags;
    }

    @Override
    public Report clean() {
        return new Report(0, 0, 0, flags.purgeExpired());
    }
}
