package io.weatherstation.flow.domain;

/**
 * Size limits for one flow definition, checked at registration.
 *
 * @param maxNodes at most this many nodes
 * @param maxEdges at most this many edges
 */
public record FlowLimits(int maxNodes, int maxEdges) {

    public static final FlowLimits DEFAULT = new FlowLimits(1000, 5000);

    public FlowLimits {
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be at least 1, was " + maxNodes);
        }
        if (maxEdges < 0) {
            throw new IllegalArgumentException("maxEdges must not be negative, was " + maxEdges);
        }
    }
}
