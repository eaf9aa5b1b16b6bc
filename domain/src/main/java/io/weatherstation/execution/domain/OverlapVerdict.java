package io.weatherstation.execution.domain;

import java.util.Objects;

/** The {@link OverlapPolicy}'s answer for a due tick. */
public record OverlapVerdict(Outcome outcome, String reason) {

    public enum Outcome {
        START,
        /** Skip this tick (and log it); it is never queued up for later. */
        SKIP_TICK
    }

    public OverlapVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean isStart() {
        return outcome == Outcome.START;
    }
}
