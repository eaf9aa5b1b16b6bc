package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ReadinessPolicy}'s (or a {@link ReadinessTracker}'s) answer for one node task.
 *
 * @param inputs     for {@code READY} only: the node's inputs by handle name — a normal handle's
 *                   signal payload, or an aggregate handle's map of payloads (see
 *                   {@link InputHandleWiring#aggregateKeys()}); empty otherwise
 * @param waitingFor for {@code WAITING} only: the edges each handle still waits for
 * @param skipReason for {@code SKIP} only
 */
public record ReadinessVerdict(Outcome outcome, String reason, Map<String, Object> inputs,
                               Map<HandleName, Set<EdgeKey>> waitingFor, @Nullable SkipReason skipReason) {

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

    public ReadinessVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(inputs, "inputs")));
        Map<HandleName, Set<EdgeKey>> waiting = new LinkedHashMap<>();
        Objects.requireNonNull(waitingFor, "waitingFor")
                .forEach((handle, edges) -> waiting.put(handle, Collections.unmodifiableSet(new LinkedHashSet<>(edges))));
        waitingFor = Collections.unmodifiableMap(waiting);
        if (outcome != Outcome.READY && !inputs.isEmpty()) {
            throw new IllegalArgumentException("only a READY verdict carries inputs");
        }
        if ((outcome == Outcome.WAITING) == waitingFor.isEmpty()) {
            throw new IllegalArgumentException("a WAITING verdict, and only that, names what it waits for");
        }
        if ((outcome == Outcome.SKIP) != (skipReason != null)) {
            throw new IllegalArgumentException("a skip reason goes with SKIP and only with SKIP");
        }
    }

    public static ReadinessVerdict waiting(Map<HandleName, Set<EdgeKey>> waitingFor, String reason) {
        return new ReadinessVerdict(Outcome.WAITING, reason, Map.of(), waitingFor, null);
    }

    public static ReadinessVerdict ready(Map<String, Object> inputs, String reason) {
        return new ReadinessVerdict(Outcome.READY, reason, inputs, Map.of(), null);
    }

    public static ReadinessVerdict skip(SkipReason skipReason, String reason) {
        return new ReadinessVerdict(Outcome.SKIP, reason, Map.of(), Map.of(), skipReason);
    }

    public static ReadinessVerdict alreadyTriggered(String reason) {
        return new ReadinessVerdict(Outcome.ALREADY_TRIGGERED, reason, Map.of(), Map.of(), null);
    }

    public boolean isReady() {
        return outcome == Outcome.READY;
    }

    /** READY or SKIP: the task's fate for this cycle is settled. */
    public boolean isDecision() {
        return outcome == Outcome.READY || outcome == Outcome.SKIP;
    }
}
