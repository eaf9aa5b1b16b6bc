package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ReadinessTracker} did with one delivery (a signal or a skip marker) for one
 * handle. Only {@code RECORDED} changed anything. The reason of a recorded delivery is worked out
 * when asked: every signal a node receives is recorded, and few callers read why.
 */
public final class Arrival {

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

    private final Outcome outcome;
    private final @Nullable HandleName handle;
    private final EdgeKey edge;
    private final Supplier<String> reason;

    /** @param handle the handle it was for; null only for an edge that feeds no handle of the node */
    public Arrival(Outcome outcome, @Nullable HandleName handle, EdgeKey edge, String reason) {
        this(outcome, handle, edge, constant(Objects.requireNonNull(reason, "reason")));
    }

    private Arrival(Outcome outcome, @Nullable HandleName handle, EdgeKey edge, Supplier<String> reason) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.edge = Objects.requireNonNull(edge, "edge");
        if (handle == null && outcome != Outcome.UNKNOWN_EDGE) {
            throw new IllegalArgumentException("only an unknown edge may lack a handle");
        }
        this.handle = handle;
        this.reason = reason;
    }

    /** A delivery of {@code what} ("signal", "skip marker (…)") on {@code edge} into {@code handle}, recorded. */
    static Arrival recorded(HandleName handle, EdgeKey edge, String what) {
        return new Arrival(Outcome.RECORDED, handle, edge, () -> what + " on " + edge + " → " + handle + " recorded");
    }

    private static Supplier<String> constant(String reason) {
        return () -> reason;
    }

    public Outcome outcome() {
        return outcome;
    }

    public @Nullable HandleName handle() {
        return handle;
    }

    public EdgeKey edge() {
        return edge;
    }

    public String reason() {
        return reason.get();
    }

    public boolean isRecorded() {
        return outcome == Outcome.RECORDED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Arrival arrival && outcome == arrival.outcome && Objects.equals(handle, arrival.handle)
                && edge.equals(arrival.edge) && reason().equals(arrival.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, handle, edge, reason());
    }

    @Override
    public String toString() {
        return "Arrival[outcome=" + outcome + ", handle=" + handle + ", edge=" + edge + ", reason=" + reason() + "]";
    }
}
