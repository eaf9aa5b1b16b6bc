package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Every task of the cycle reached a terminal status; {@code status} is the cycle's outcome. */
public record CycleFinished(FlowId flowId, CycleNumber number, CycleStatus status, Instant startTime, Instant endTime)
        implements CycleEvent {

    public CycleFinished {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a finished cycle cannot be " + status.wireName());
        }
    }

    /** Wall-clock duration; zero rather than negative when the instances' clocks disagree. */
    public Duration duration() {
        Duration duration = Duration.between(startTime, endTime);
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
