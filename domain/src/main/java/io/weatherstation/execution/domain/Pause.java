package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One pause in force.
 *
 * @param target   what is paused
 * @param kind     why (informational)
 * @param reason   the operator's note, if any
 * @param context  free-form data kept with the pause and handed back on queries (the original
 *                 engine's {@code resume_context} / {@code input_request}); JSON-like values
 * @param nodes    the nodes the pause holds: for a component, its nodes when it was paused (so a
 *                 later replacement of the definition, which may renumber components, does not
 *                 change what the pause holds); for a node, that node; empty for the whole flow
 *                 (it holds every node of the flow's own cycles)
 * @param pausedAt when it was paused
 */
public record Pause(PauseTarget target, PauseKind kind, @Nullable String reason, Map<String, @Nullable Object> context,
        Set<NodeId> nodes, Instant pausedAt) {

    public Pause {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pausedAt, "pausedAt");
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        nodes = Collections.unmodifiableSet(new TreeSet<>(nodes));
        if (target instanceof PauseTarget.Node(NodeId id) && !nodes.equals(Set.of(id))) {
            throw new IllegalArgumentException("a node pause holds exactly its node (" + id + "), not " + nodes);
        }
        if (target instanceof PauseTarget.WholeFlow && !nodes.isEmpty()) {
            throw new IllegalArgumentException("a flow pause names no nodes");
        }
    }

    /** Whether this pause holds a ready task of {@code node} in a run of the flow ({@code partialRun} or not). */
    public boolean holds(NodeId node, boolean partialRun) {
        return switch (target) {
            case PauseTarget.WholeFlow ignored -> !partialRun;
            case PauseTarget.Component ignored -> nodes.contains(node);
            case PauseTarget.Node(NodeId id) -> id.equals(node);
        };
    }
}
