package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every pause in force on one flow: at most one per {@link PauseTarget}, ordered flow first, then
 * components, then nodes. Immutable.
 *
 * <p>Rules: a target already paused cannot be paused again, and only a paused target can be
 * resumed ({@link IllegalPauseTransitionException}); resuming one target never resumes another
 * (a node paused on its own stays paused when its component is resumed).
 */
public record PauseState(FlowId flowId, List<Pause> pauses) {

    private static final Comparator<Pause> ORDER = Comparator
            .comparingInt((Pause p) -> switch (p.target()) {
                case PauseTarget.WholeFlow ignored -> 0;
                case PauseTarget.Component ignored -> 1;
                case PauseTarget.Node ignored -> 2;
            })
            .thenComparing(p -> p.target().key());

    public PauseState {
        Objects.requireNonNull(flowId, "flowId");
        // Asked for on every task start: the usual case, nothing paused, costs nothing.
        pauses = pauses.isEmpty() ? List.of() : pauses.stream().sorted(ORDER).toList();
        if (pauses.size() > 1 && pauses.stream().map(p -> p.target().key()).distinct().count() != pauses.size()) {
            throw new IllegalArgumentException("a target is paused at most once: " + pauses);
        }
    }

    /** Nothing paused. */
    public static PauseState none(FlowId flowId) {
        return new PauseState(flowId, List.of());
    }

    public boolean isEmpty() {
        return pauses.isEmpty();
    }

    public Optional<Pause> pause(PauseTarget target) {
        return pauses.stream().filter(p -> p.target().equals(target)).findFirst();
    }

    public boolean isPaused(PauseTarget target) {
        return pause(target).isPresent();
    }

    /** Whether the flow itself is paused (it starts no cycles). */
    public boolean isFlowPaused() {
        return isPaused(PauseTarget.flow());
    }

    /** The first pause that holds a ready task of {@code node}, if any. */
    public Optional<Pause> holding(NodeId node, boolean partialRun) {
        return pauses.stream().filter(p -> p.holds(node, partialRun)).findFirst();
    }

    /** This state with {@code pause} added. */
    public PauseState with(Pause pause) {
        if (isPaused(pause.target())) {
            throw new IllegalPauseTransitionException(flowId, pause.target(), "pause", "it is paused already");
        }
        List<Pause> more = new java.util.ArrayList<>(pauses);
        more.add(pause);
        return new PauseState(flowId, more);
    }

    /** This state without the pause of {@code target}. */
    public PauseState without(PauseTarget target) {
        if (!isPaused(target)) {
            throw new IllegalPauseTransitionException(flowId, target, "resume", "it is not paused");
        }
        return new PauseState(flowId, pauses.stream().filter(p -> !p.target().equals(target)).toList());
    }
}
