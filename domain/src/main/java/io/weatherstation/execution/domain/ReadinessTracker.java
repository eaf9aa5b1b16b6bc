package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.WildcardSignals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The input inbox of one node task in one cycle: records signals and skip markers as they come
 * and reports the decision (READY or SKIP, from the {@link ReadinessPolicy}) exactly once.
 *
 * <ul>
 *   <li>Idempotent: the first delivery on an edge into a handle counts; a redelivery — or a
 *       signal on an edge already marked skipped, or the reverse — changes nothing and is
 *       reported {@link Arrival.Outcome#DUPLICATE}.</li>
 *   <li>Once: after {@link #evaluate()} returned READY or SKIP, it returns
 *       {@link ReadinessVerdict.Outcome#ALREADY_TRIGGERED}; deliveries on edges not yet resolved
 *       are ignored ({@link Arrival.Outcome#AFTER_DECISION}), redeliveries are still
 *       {@code DUPLICATE}.</li>
 * </ul>
 *
 * <p><b>Not thread-safe.</b> It is the decision logic of an inbox, not the lock around it: the
 * caller serialises access — in one process by confining a task's tracker to one thread or
 * lock; across station instances by persisting arrivals and the decided flag in one atomic
 * step (e.g. a Redis script) and rebuilding with {@link #restore}. A WAITING verdict it returned
 * works out what it waits for when first asked, reading the tracker under its own monitor; the
 * in-process inbox locks on the tracker itself.
 */
public final class ReadinessTracker {

    private final NodeInputWiring wiring;
    private final ReadinessPolicy policy;
    private final Map<HandleName, Map<EdgeKey, Signal>> signals = new LinkedHashMap<>();
    private final Map<HandleName, Map<EdgeKey, SkipReason>> skips = new LinkedHashMap<>();
    /** Every (handle, edge) stored, in the order they were: what was known at any earlier point. */
    private final List<Resolved> history = new ArrayList<>();
    private final int wiredEdges;
    private int skipMarkers;
    private ReadinessVerdict.@Nullable Outcome decided;

    private ReadinessTracker(NodeInputWiring wiring, ReadinessPolicy policy) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.policy = Objects.requireNonNull(policy, "policy");
        int edges = 0;
        for (InputHandleWiring handle : wiring.handles()) {
            signals.put(handle.handle(), new LinkedHashMap<>());
            skips.put(handle.handle(), new LinkedHashMap<>());
            edges += handle.incoming().size();
        }
        this.wiredEdges = edges;
    }

    /** An empty inbox for a node with these inputs. */
    public static ReadinessTracker forInputs(NodeInputWiring wiring) {
        return new ReadinessTracker(wiring, new ReadinessPolicy());
    }

    public static ReadinessTracker forInputs(NodeInputWiring wiring, ReadinessPolicy policy) {
        return new ReadinessTracker(wiring, policy);
    }

    /**
     * Rebuilds an inbox from storage.
     *
     * @param decided whether READY or SKIP was already reported for this task
     * @throws IllegalArgumentException if an arrival names a handle or edge that is not wired
     */
    public static ReadinessTracker restore(NodeInputWiring wiring, Map<HandleName, HandleArrivals> arrived,
                                           boolean decided) {
        ReadinessTracker tracker = new ReadinessTracker(wiring, new ReadinessPolicy());
        arrived.forEach((handle, arrivals) -> {
            arrivals.signals().forEach((edge, signal) -> tracker.requireRecorded(tracker.recordSignal(handle, edge, signal)));
            arrivals.skipped().forEach((edge, reason) -> tracker.requireRecorded(tracker.recordSkip(handle, edge, reason)));
        });
        if (decided) {
            tracker.decided = ReadinessVerdict.Outcome.ALREADY_TRIGGERED;
        }
        return tracker;
    }

    /** A signal on {@code edge} for {@code handle}. */
    public Arrival recordSignal(HandleName handle, EdgeKey edge, Signal signal) {
        Objects.requireNonNull(signal, "signal");
        return record(handle, edge, () -> signals.get(handle).put(edge, signal), "signal");
    }

    /**
     * A wildcard signal on {@code edge}: one message for every handle {@code edge} feeds, its
     * payload keyed by handle name. Split before anything is recorded, so a malformed message
     * records nothing.
     *
     * @throws io.weatherstation.signaling.domain.MalformedSignalException if the payload lacks an
     *                                                                     entry for a fed handle
     */
    public List<Arrival> recordWildcardSignal(EdgeKey edge, Signal wildcard) {
        Objects.requireNonNull(edge, "edge");
        List<HandleName> handles = wiring.handlesFedBy(edge);
        if (handles.isEmpty()) {
            return List.of(unknownEdge(edge));
        }
        if (decided != null) {
            // Not split: a late wildcard message is ignored even if its payload is malformed.
            return handles.stream().map(handle -> recordSignal(handle, edge, wildcard)).toList();
        }
        Map<HandleName, Signal> parts = WildcardSignals.split(wildcard, handles);
        List<Arrival> arrivals = new ArrayList<>(parts.size());
        parts.forEach((handle, signal) -> arrivals.add(recordSignal(handle, edge, signal)));
        return List.copyOf(arrivals);
    }

    /** {@code edge} will deliver nothing to {@code handle} in this cycle. */
    public Arrival recordSkip(HandleName handle, EdgeKey edge, SkipReason reason) {
        Objects.requireNonNull(reason, "reason");
        return record(handle, edge, () -> {
            skips.get(handle).put(edge, reason);
            skipMarkers++;
        }, "skip marker (" + reason.wireName() + ")");
    }

    /** {@code edge} will deliver nothing in this cycle, to any handle it feeds. */
    public List<Arrival> recordSkip(EdgeKey edge, SkipReason reason) {
        Objects.requireNonNull(edge, "edge");
        List<HandleName> handles = wiring.handlesFedBy(edge);
        if (handles.isEmpty()) {
            return List.of(unknownEdge(edge));
        }
        return handles.stream().map(handle -> recordSkip(handle, edge, reason)).toList();
    }

    /**
     * The policy's verdict on what was recorded. READY or SKIP is reported once; afterwards
     * this returns ALREADY_TRIGGERED.
     */
    public ReadinessVerdict evaluate() {
        if (decided != null) {
            return ReadinessVerdict.alreadyTriggered("readiness was already decided"
                    + (decided == ReadinessVerdict.Outcome.ALREADY_TRIGGERED ? "" : " (" + decided + ")"));
        }
        if (skipMarkers == 0 && history.size() < wiredEdges) {
            // Only signals so far and some edge still open: the policy could only say WAITING
            // (with no skip marker nothing skips the node). What it waits for is worked out
            // when asked, from what had arrived by now.
            int known = history.size();
            return ReadinessVerdict.waitingLazily(() -> waitingAfter(known));
        }
        if (skipMarkers == 0 && history.size() == wiredEdges) {
            // Every edge delivered a signal: nothing skips the node and nothing is missing.
            decided = ReadinessVerdict.Outcome.READY;
            return ReadinessPolicy.allDelivered(wiring, signals::get);
        }
        ReadinessVerdict verdict = policy.decide(wiring, arrivals());
        if (verdict.isDecision()) {
            decided = verdict.outcome();
        }
        return verdict;
    }

    public boolean isDecided() {
        return decided != null;
    }

    /** What was recorded, per wired handle (every wired handle has an entry). */
    public Map<HandleName, HandleArrivals> arrivals() {
        Map<HandleName, HandleArrivals> snapshot = new LinkedHashMap<>();
        for (InputHandleWiring handle : wiring.handles()) {
            snapshot.put(handle.handle(), new HandleArrivals(signals.get(handle.handle()), skips.get(handle.handle())));
        }
        return snapshot;
    }

    public NodeInputWiring wiring() {
        return wiring;
    }

    private Arrival record(HandleName handle, EdgeKey edge, Runnable store, String what) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(edge, "edge");
        InputHandleWiring wired = wiring.handle(handle).orElse(null);
        if (wired == null || !wired.isFedBy(edge)) {
            return new Arrival(Arrival.Outcome.UNKNOWN_EDGE, handle, edge,
                    "edge " + edge + " → " + handle + " is not wired into this node");
        }
        if (signals.get(handle).containsKey(edge)) {
            return new Arrival(Arrival.Outcome.DUPLICATE, handle, edge,
                    "edge " + edge + " → " + handle + " already delivered a signal; " + what + " ignored");
        }
        if (skips.get(handle).containsKey(edge)) {
            return new Arrival(Arrival.Outcome.DUPLICATE, handle, edge,
                    "edge " + edge + " → " + handle + " was already skipped; " + what + " ignored");
        }
        if (decided != null) {
            return afterDecision(handle, edge);
        }
        store.run();
        history.add(new Resolved(handle, edge));
        return Arrival.recorded(handle, edge, what);
    }

    /** The edges each handle still waited for when the first {@code known} arrivals were stored. */
    private synchronized Map<HandleName, Set<EdgeKey>> waitingAfter(int known) {
        Set<Resolved> resolved = new HashSet<>();
        for (int i = 0; i < known; i++) {
            resolved.add(history.get(i));
        }
        Map<HandleName, Set<EdgeKey>> waiting = new LinkedHashMap<>();
        for (InputHandleWiring handle : wiring.handles()) {
            Set<EdgeKey> missing = new LinkedHashSet<>();
            for (EdgeKey edge : handle.incoming()) {
                if (!resolved.contains(new Resolved(handle.handle(), edge))) {
                    missing.add(edge);
                }
            }
            if (!missing.isEmpty()) {
                waiting.put(handle.handle(), missing);
            }
        }
        return waiting;
    }

    private record Resolved(HandleName handle, EdgeKey edge) {
    }

    private Arrival afterDecision(HandleName handle, EdgeKey edge) {
        return new Arrival(Arrival.Outcome.AFTER_DECISION, handle, edge,
                "readiness was already decided; delivery on " + edge + " → " + handle + " ignored");
    }

    private static Arrival unknownEdge(EdgeKey edge) {
        return new Arrival(Arrival.Outcome.UNKNOWN_EDGE, null, edge, "edge " + edge + " feeds no input handle of this node");
    }

    private void requireRecorded(Arrival arrival) {
        if (!arrival.isRecorded()) {
            throw new IllegalArgumentException("cannot restore: " + arrival.reason());
        }
    }
}
