package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ReadinessTracker} did with one delivery (a signal or a skip marker) for one
 * handle. Only {@code RECORDED} changed anything.
 *
 * @param handle the handle it was for; null only for an edge that feeds no handle of the node
 */
public record Arrival(Outcome outcome, @Nullable HandleName handle, EdgeKey edge, String reason) {

    public enum Outcome {
        /** New information: the edge into this handle is now resolved. */
        RECORDED,
        /** The edge into this handle was already resolved (redelivery, or a signal after a skip): ignored. */
        DUPLICATE,
        /** The edge does not feed this handle (or any handle) of the node: ignored. */
        UNKNOWN_EDGE,
        /** New information, but the task's readiness was already decided: ignored. */
        AFTER_DECISION
    }

    public Arrival {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(reason, "reason");
        if (handle == null && outcome != Outcome.UNKNOWN_EDGE) {
            throw new IllegalArgumentException("only an unknown edge may lack a handle");
        }
    }

    public boolean isRecorded() {
        return outcome == Outcome.RECORDED;
    }
}
