package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.signaling.domain.SignalRoute;
import java.util.Comparator;
import java.util.Objects;

/**
 * The source end of an edge into a node, written {@code source_node.source_handle}: within one
 * target node it tells incoming edges apart. Ids never contain {@code .}, so the written form is
 * unambiguous and {@link #parse} is its exact inverse.
 */
public record EdgeKey(NodeId sourceNode, HandleName sourceHandle) implements Comparable<EdgeKey> {

    private static final Comparator<EdgeKey> ORDER =
            Comparator.comparing(EdgeKey::sourceNode).thenComparing(EdgeKey::sourceHandle);

    public EdgeKey {
        Objects.requireNonNull(sourceNode, "sourceNode");
        Objects.requireNonNull(sourceHandle, "sourceHandle");
    }

    public static EdgeKey of(NodeId sourceNode, HandleName sourceHandle) {
        return new EdgeKey(sourceNode, sourceHandle);
    }

    public static EdgeKey of(String sourceNode, String sourceHandle) {
        return new EdgeKey(NodeId.of(sourceNode), HandleName.of(sourceHandle));
    }

    /** The source end of a routed signal. */
    public static EdgeKey from(SignalRoute route) {
        return new EdgeKey(route.sourceNode(), route.sourceHandle());
    }

    /** Reads {@code source_node.source_handle}. */
    public static EdgeKey parse(String text) {
        Objects.requireNonNull(text, "text");
        int dot = text.indexOf('.');
        if (dot < 0 || dot != text.lastIndexOf('.')) {
            throw new IllegalArgumentException("edge key must be 'source_node.source_handle' (was '" + text + "')");
        }
        return new EdgeKey(NodeId.of(text.substring(0, dot)), HandleName.of(text.substring(dot + 1)));
    }

    /** {@code source_node.source_handle}. */
    public String display() {
        return sourceNode.value() + "." + sourceHandle.value();
    }

    @Override
    public int compareTo(EdgeKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return display();
    }
}
