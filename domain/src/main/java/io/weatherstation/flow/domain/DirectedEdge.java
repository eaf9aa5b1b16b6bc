package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.NodeId;
import java.util.Objects;

/**
 * A directed connection between two nodes, with handles stripped: all that structure analysis
 * and graph traversal need. {@code source == target} is a self-loop, which counts as a cycle.
 */
public record DirectedEdge(NodeId source, NodeId target) {

    public DirectedEdge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    public static DirectedEdge of(NodeId source, NodeId target) {
        return new DirectedEdge(source, target);
    }

    public static DirectedEdge of(String source, String target) {
        return new DirectedEdge(NodeId.of(source), NodeId.of(target));
    }

    public boolean isSelfLoop() {
        return source.equals(target);
    }

    @Override
    public String toString() {
        return source + " → " + target;
    }
}
