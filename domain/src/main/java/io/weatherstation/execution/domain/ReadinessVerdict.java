package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ReadinessPolicy}'s (or a {@link ReadinessTracker}'s) answer for one node task: a
 * value with the accessors, equality and text of a record of its five components.
 *
 * <p>A {@link ReadinessTracker} answers most signals with WAITING, and the engine only acts on a
 * decision; so a tracker's WAITING verdict works out what it waits for, and its reason text, when
 * first asked ({@link #waitingFor()}, {@link #reason()}), as they were when it was given.
 *
 * @param inputs     for {@code READY} only: the node's inputs by handle name — a normal handle's
 *                   signal payload, or an aggregate handle's map of payloads (see
 *                   {@link InputHandleWiring#aggregateKeys()}); empty otherwise
 * @param waitingFor for {@code WAITING} only: the edges each handle still waits for
 * @param skipReason for {@code SKIP} only
 */
public final class ReadinessVerdict {

    public enum Outcome {
        /** Some connected input has neither delivered nor been skipped. */
        WAITING,
        /** Every input is in: run the node with {@link #inputs()}. */
        READY,
        /** The node will never get what it needs: skip it with {@link #skipReason()}. */
        SKIP,
        /** Only from a {@link ReadinessTracker}: READY or SKIP was already reported once. */
        ALREADY_TRIGGERED
    }

    private final Outcome outcome;
    private final Map<String, Object> inputs;
    private final @Nullable SkipReason skipReason;
    private @Nullable Supplier<Map<HandleName, Set<EdgeKey>>> pendingWaitingFor;
    private @Nullable Map<HandleName, Set<EdgeKey>> waitingFor;
    private @Nullable String reason;

    public ReadinessVerdict(Outcome outcome, String reason, Map<String, Object> inputs,
                            Map<HandleName, Set<EdgeKey>> waitingFor, @Nullable SkipReason skipReason) {
        this(Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(inputs, "inputs"))), outcome, reason,
                waitingFor, skipReason);
    }

    /** @param ownedInputs unmodifiable, and held by nobody else */
    private ReadinessVerdict(Map<String, Object> ownedInputs, Outcome outcome, String reason,
                             Map<HandleName, Set<EdgeKey>> waitingFor, @Nullable SkipReason skipReason) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.inputs = ownedInputs;
        this.waitingFor = frozen(Objects.requireNonNull(waitingFor, "waitingFor"));
        this.skipReason = skipReason;
        if (outcome != Outcome.READY && !this.inputs.isEmpty()) {
            throw new IllegalArgumentException("only a READY verdict carries inputs");
        }
        if ((outcome == Outcome.WAITING) == this.waitingFor.isEmpty()) {
            throw new IllegalArgumentException("a WAITING verdict, and only that, names what it waits for");
        }
        if ((outcome == Outcome.SKIP) != (skipReason != null)) {
            throw new IllegalArgumentException("a skip reason goes with SKIP and only with SKIP");
        }
    }

    /** WAITING, with what it waits for (never empty) worked out when first asked. */
    private ReadinessVerdict(Supplier<Map<HandleName, Set<EdgeKey>>> waitingFor) {
        this.outcome = Outcome.WAITING;
        this.inputs = Map.of();
        this.skipReason = null;
        this.pendingWaitingFor = waitingFor;
    }

    public static ReadinessVerdict waiting(Map<HandleName, Set<EdgeKey>> waitingFor, String reason) {
        return new ReadinessVerdict(Outcome.WAITING, reason, Map.of(), waitingFor, null);
    }

    /**
     * WAITING for what {@code waitingFor} returns when first asked, which must not be empty; the
     * reason is the policy's "waiting for …" text of it.
     */
    static ReadinessVerdict waitingLazily(Supplier<Map<HandleName, Set<EdgeKey>>> waitingFor) {
        return new ReadinessVerdict(Objects.requireNonNull(waitingFor, "waitingFor"));
    }

    public static ReadinessVerdict ready(Map<String, Object> inputs, String reason) {
        return new ReadinessVerdict(Outcome.READY, reason, inputs, Map.of(), null);
    }

    /** READY with inputs the caller has just assembled and hands over (not copied again). */
    static ReadinessVerdict readyWith(LinkedHashMap<String, Object> assembled, String reason) {
        return new ReadinessVerdict(Collections.unmodifiableMap(assembled), Outcome.READY, reason, Map.of(), null);
    }

    public static ReadinessVerdict skip(SkipReason skipReason, String reason) {
        return new ReadinessVerdict(Outcome.SKIP, reason, Map.of(), Map.of(), skipReason);
    }

    public static ReadinessVerdict alreadyTriggered(String reason) {
        return new ReadinessVerdict(Outcome.ALREADY_TRIGGERED, reason, Map.of(), Map.of(), null);
    }

    public Outcome outcome() {
        return outcome;
    }

    public synchronized String reason() {
        String text = reason;
        if (text == null) {
            text = ReadinessPolicy.waitingReason(waitingFor());
            reason = text;
        }
        return text;
    }

    public Map<String, Object> inputs() {
        return inputs;
    }

    public synchronized Map<HandleName, Set<EdgeKey>> waitingFor() {
        Map<HandleName, Set<EdgeKey>> waiting = waitingFor;
        if (waiting == null) {
            waiting = frozen(Objects.requireNonNull(pendingWaitingFor).get());
            if (waiting.isEmpty()) {
                throw new IllegalStateException("a WAITING verdict names what it waits for");
            }
            waitingFor = waiting;
            pendingWaitingFor = null;
        }
        return waiting;
    }

    public @Nullable SkipReason skipReason() {
        return skipReason;
    }

    public boolean isReady() {
        return outcome == Outcome.READY;
    }

    /** READY or SKIP: the task's fate for this cycle is settled. */
    public boolean isDecision() {
        return outcome == Outcome.READY || outcome == Outcome.SKIP;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ReadinessVerdict that
                && outcome == that.outcome
                && reason().equals(that.reason())
                && inputs.equals(that.inputs)
                && waitingFor().equals(that.waitingFor())
                && Objects.equals(skipReason, that.skipReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, reason(), inputs, waitingFor(), skipReason);
    }

    @Override
    public String toString() {
        return "ReadinessVerdict[outcome=" + outcome + ", reason=" + reason() + ", inputs=" + inputs
                + ", waitingFor=" + waitingFor() + ", skipReason=" + skipReason + "]";
    }

    private static Map<HandleName, Set<EdgeKey>> frozen(Map<HandleName, Set<EdgeKey>> waitingFor) {
        if (waitingFor.isEmpty()) {
            return Map.of();
        }
        Map<HandleName, Set<EdgeKey>> waiting = new LinkedHashMap<>();
        waitingFor.forEach((handle, edges) -> waiting.put(handle, Collections.unmodifiableSet(new LinkedHashSet<>(edges))));
        return Collections.unmodifiableMap(waiting);
    }
}
