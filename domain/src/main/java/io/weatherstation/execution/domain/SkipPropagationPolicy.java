package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether skipped or failed upstream edges skip a node (SPEC §4.4, §4.6). Branches work
 * by skipping: a handle that produced no value skips the edges from it, and a node that can no
 * longer get what it needs is skipped in turn, which propagates downstream.
 *
 * <p>In order:
 * <ol>
 *   <li>any incoming edge marked {@code upstream_failed} skips the node with
 *       {@code upstream_failed} — every node downstream of a failure is skipped, even one that
 *       could run on partial input: acting on half the data after a failure is how a trading
 *       strategy loses money;</li>
 *   <li>a required handle whose every edge was skipped skips the node ({@code upstream_skipped});</li>
 *   <li>when every edge of every handle was skipped, the node is skipped too, even if all its
 *       handles are optional: it has nothing to run on;</li>
 *   <li>otherwise the node may run; an optional handle whose edges were all skipped is left out
 *       of its inputs, and an aggregate handle gets only the edges that delivered.</li>
 * </ol>
 * Pure and stateless.
 */
public final class SkipPropagationPolicy {

    /**
     * Skip markers per edge; an edge key marks every handle of the node it feeds.
     *
     * @throws IllegalArgumentException if a marked edge feeds none of the node's handles
     */
    public SkipVerdict decide(NodeInputWiring inputs, Map<EdgeKey, SkipReason> skippedEdges) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(skippedEdges, "skippedEdges");
        Map<HandleName, Map<EdgeKey, SkipReason>> perHandle = new LinkedHashMap<>();
        skippedEdges.forEach((edge, reason) -> {
            List<HandleName> handles = inputs.handlesFedBy(edge);
            if (handles.isEmpty()) {
                throw new IllegalArgumentException("skipped edge " + edge + " feeds no input handle of the node");
            }
            handles.forEach(handle -> perHandle.computeIfAbsent(handle, h -> new LinkedHashMap<>()).put(edge, reason));
        });
        return decidePerHandle(inputs, perHandle);
    }

    /**
     * Skip markers per handle and edge.
     *
     * @throws IllegalArgumentException if a marker names a handle or edge that is not wired
     */
    public SkipVerdict decidePerHandle(NodeInputWiring inputs, Map<HandleName, ? extends Map<EdgeKey, SkipReason>> skipped) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(skipped, "skipped");
        skipped.forEach((handle, edges) -> {
            InputHandleWiring wiring = inputs.handle(handle).orElseThrow(() ->
                    new IllegalArgumentException("skip marker for input handle '" + handle + "', which is not wired"));
            edges.keySet().forEach(edge -> {
                if (!wiring.isFedBy(edge)) {
                    throw new IllegalArgumentException("skip marker for edge " + edge + " → " + handle + ", which is not wired");
                }
            });
        });
        if (inputs.isEmpty()) {
            return SkipVerdict.run("node has no connected inputs");
        }

        List<String> failed = new ArrayList<>();
        List<String> deadRequired = new ArrayList<>();
        int deadHandles = 0;
        int skippedEdges = 0;
        for (InputHandleWiring handle : inputs.handles()) {
            Map<EdgeKey, SkipReason> found = skipped.get(handle.handle());
            Map<EdgeKey, SkipReason> marks = found == null ? Map.of() : found;
            skippedEdges += marks.size();
            marks.forEach((edge, reason) -> {
                if (reason == SkipReason.UPSTREAM_FAILED) {
                    failed.add(edge + " → " + handle.handle());
                }
            });
            if (marks.keySet().containsAll(handle.incoming())) {
                deadHandles++;
                if (handle.required()) {
                    deadRequired.add("'" + handle.handle() + "'");
                }
            }
        }
        if (!failed.isEmpty()) {
            return SkipVerdict.skip(SkipReason.UPSTREAM_FAILED, "upstream failed: " + String.join(", ", failed));
        }
        if (!deadRequired.isEmpty()) {
            return SkipVerdict.skip(SkipReason.UPSTREAM_SKIPPED,
                    "every edge into required input " + String.join(", ", deadRequired) + " was skipped");
        }
        if (deadHandles == inputs.handles().size()) {
            return SkipVerdict.skip(SkipReason.UPSTREAM_SKIPPED, "every edge into every input was skipped");
        }
        return SkipVerdict.run(skippedEdges == 0
                ? "no input was skipped"
                : skippedEdges + " skipped edge(s) leave the node runnable");
    }
}
