package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A connected input handle of a node in a flow: the edges that feed it and how it takes them.
 *
 * <p>A normal handle has exactly one incoming edge and receives that signal's payload. An
 * aggregate handle waits for all its edges and receives a map keyed by source handle name —
 * or by {@code source_node.source_handle} for the edges whose source handle name is shared
 * with another edge of the handle (SPEC §4.2). Handles that no edge feeds are not wired.
 *
 * @param required a required handle whose every edge was skipped skips the node; an optional one
 *                 is left out of the inputs instead
 * @param incoming the incoming edges in definition order (which is the order of aggregate maps)
 */
public record InputHandleWiring(HandleName handle, boolean aggregate, boolean required, Set<EdgeKey> incoming) {

    public InputHandleWiring {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(incoming, "incoming");
        if (incoming.isEmpty()) {
            throw new IllegalArgumentException("input handle '" + handle + "' is wired without incoming edges");
        }
        if (!aggregate && incoming.size() != 1) {
            throw new IllegalArgumentException("input handle '" + handle + "' is not an aggregate but has "
                    + incoming.size() + " incoming edges " + incoming);
        }
        incoming = Collections.unmodifiableSet(new LinkedHashSet<>(incoming));
    }

    /** A required normal handle fed by one edge. */
    public static InputHandleWiring single(HandleName handle, EdgeKey edge) {
        return new InputHandleWiring(handle, false, true, Set.of(edge));
    }

    /** A required aggregate handle fed by these edges (in this order). */
    public static InputHandleWiring aggregate(HandleName handle, Collection<EdgeKey> edges) {
        return new InputHandleWiring(handle, true, true, new LinkedHashSet<>(edges));
    }

    public static InputHandleWiring aggregate(HandleName handle, EdgeKey... edges) {
        return aggregate(handle, List.of(edges));
    }

    /** The same handle, optional. */
    public InputHandleWiring optional() {
        return new InputHandleWiring(handle, aggregate, false, incoming);
    }

    /**
     * The key of each incoming edge in the aggregate map: the source handle name, or
     * {@code source_node.source_handle} where two edges share that name. Decided over all
     * incoming edges, not only those that delivered, so keys do not depend on which branch ran.
     */
    public Map<EdgeKey, String> aggregateKeys() {
        Map<String, Integer> sharing = new HashMap<>();
        for (EdgeKey edge : incoming) {
            sharing.merge(edge.sourceHandle().value(), 1, Integer::sum);
        }
        Map<EdgeKey, String> keys = new LinkedHashMap<>();
        for (EdgeKey edge : incoming) {
            String name = edge.sourceHandle().value();
            keys.put(edge, sharing.get(name) > 1 ? edge.display() : name);
        }
        return Collections.unmodifiableMap(keys);
    }

    public boolean isFedBy(EdgeKey edge) {
        return incoming.contains(edge);
    }
}
