package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.signaling.domain.Signal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides whether a node task can run (SPEC §4.2): it is ready when every edge into every
 * connected input handle has delivered its signal for this cycle or been skipped, unless the
 * skips themselves skip the node ({@link SkipPropagationPolicy}, checked first, so a doomed node
 * is skipped without waiting for its other inputs). A node with no connected inputs is ready at
 * once.
 *
 * <p>Pure: deciding <em>once</em> under duplicate or concurrent signals is the caller's job
 * (see {@link ReadinessTracker} for the bookkeeping, and an atomic store for the concurrency).
 */
public final class ReadinessPolicy {

    private final SkipPropagationPolicy skipPolicy;

    public ReadinessPolicy() {
        this(new SkipPropagationPolicy());
    }

    public ReadinessPolicy(SkipPropagationPolicy skipPolicy) {
        this.skipPolicy = Objects.requireNonNull(skipPolicy, "skipPolicy");
    }

    /**
     * @param inputs  the node's connected input handles
     * @param arrived what each handle received so far in this cycle; handles without entry received nothing
     * @throws IllegalArgumentException if an arrival names a handle or edge that is not wired
     */
    public ReadinessVerdict decide(NodeInputWiring inputs, Map<HandleName, HandleArrivals> arrived) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(arrived, "arrived");
        requireWired(inputs, arrived);
        if (inputs.isEmpty()) {
            return noInputs();
        }

        Map<HandleName, Map<EdgeKey, SkipReason>> skipped = new LinkedHashMap<>();
        arrived.forEach((handle, arrivals) -> skipped.put(handle, arrivals.skipped()));
        SkipVerdict skip = skipPolicy.decidePerHandle(inputs, skipped);
        if (skip.isSkip()) {
            return ReadinessVerdict.skip(Objects.requireNonNull(skip.skipReason()), skip.reason());
        }

        Map<HandleName, Set<EdgeKey>> waiting = new LinkedHashMap<>();
        for (InputHandleWiring handle : inputs.handles()) {
            HandleArrivals arrivals = arrived.getOrDefault(handle.handle(), HandleArrivals.none());
            Set<EdgeKey> missing = new LinkedHashSet<>();
            for (EdgeKey edge : handle.incoming()) {
                if (!arrivals.hasResolved(edge)) {
                    missing.add(edge);
                }
            }
            if (!missing.isEmpty()) {
                waiting.put(handle.handle(), missing);
            }
        }
        if (!waiting.isEmpty()) {
            return ReadinessVerdict.waiting(waiting, waitingReason(waiting));
        }
        return assemble(inputs, arrived);
    }

    private static ReadinessVerdict noInputs() {
        return ReadinessVerdict.ready(Map.of(), "node has no connected inputs");
    }

    private static ReadinessVerdict assemble(NodeInputWiring inputs, Map<HandleName, HandleArrivals> arrived) {
        return assemble(inputs, handle -> arrived.getOrDefault(handle, HandleArrivals.none()).signals());
    }

    /**
     * The READY verdict of a node into which every wired edge delivered a signal (no skip marker,
     * nothing missing): what {@link #decide} answers then, without working out that nothing skips
     * or waits.
     *
     * @param signals the signals each wired handle received, by edge
     */
    static ReadinessVerdict allDelivered(NodeInputWiring inputs, Function<HandleName, Map<EdgeKey, Signal>> signals) {
        if (inputs.isEmpty()) {
            return noInputs();
        }
        return assemble(inputs, signals);
    }

    private static ReadinessVerdict assemble(NodeInputWiring inputs, Function<HandleName, Map<EdgeKey, Signal>> received) {
        LinkedHashMap<String, Object> assembled = new LinkedHashMap<>();
        int delivered = 0;
        List<String> leftOut = new ArrayList<>();
        for (InputHandleWiring handle : inputs.handles()) {
            Map<EdgeKey, Signal> signals = received.apply(handle.handle());
            if (!handle.aggregate()) {
                EdgeKey edge = handle.incoming().iterator().next();
                Signal signal = signals.get(edge);
                if (signal == null) {
                    leftOut.add(edge + " → " + handle.handle());
                } else {
                    assembled.put(handle.handle().value(), signal.payload());
                    delivered++;
                }
                continue;
            }
            Map<String, Object> merged = new LinkedHashMap<>();
            handle.aggregateKeys().forEach((edge, key) -> {
                Signal signal = signals.get(edge);
                if (signal == null) {
                    leftOut.add(edge + " → " + handle.handle());
                } else {
                    merged.put(key, signal.payload());
                }
            });
            delivered += merged.size();
            if (!merged.isEmpty()) {
                assembled.put(handle.handle().value(), Collections.unmodifiableMap(merged));
            }
        }
        String reason = leftOut.isEmpty()
                ? "all " + delivered + " input signal(s) arrived"
                : delivered + " input signal(s) arrived; skipped and left out: " + String.join(", ", leftOut);
        return ReadinessVerdict.readyWith(assembled, reason);
    }

    private static void requireWired(NodeInputWiring inputs, Map<HandleName, HandleArrivals> arrived) {
        arrived.forEach((handle, arrivals) -> {
            InputHandleWiring wiring = inputs.handle(handle).orElseThrow(() ->
                    new IllegalArgumentException("arrival for input handle '" + handle + "', which is not wired"));
            for (EdgeKey edge : arrivals.signals().keySet()) {
                if (!wiring.isFedBy(edge)) {
                    throw new IllegalArgumentException("signal from " + edge + " → " + handle + ", an edge that is not wired");
                }
            }
        });
    }

    /** The reason of a WAITING verdict: {@code waiting for a.out → in, b.out → in, …}. */
    static String waitingReason(Map<HandleName, Set<EdgeKey>> waiting) {
        return "waiting for " + describe(waiting);
    }

    private static String describe(Map<HandleName, Set<EdgeKey>> waiting) {
        List<String> parts = new ArrayList<>();
        waiting.forEach((handle, edges) -> edges.forEach(edge -> parts.add(edge + " → " + handle)));
        return String.join(", ", parts);
    }
}
