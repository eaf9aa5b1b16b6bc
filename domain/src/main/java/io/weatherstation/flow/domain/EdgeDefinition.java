package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A directed connection from an output handle of one node to an input handle of another.
 *
 * @param extras fields the station keeps but does not interpret (the editor's {@code id},
 *               {@code type}, {@code animated}…). Immutable.
 */
public record EdgeDefinition(
        NodeId source,
        HandleName sourceHandle,
        NodeId target,
        HandleName targetHandle,
        Map<String, @Nullable Object> extras) {

    public EdgeDefinition {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceHandle, "sourceHandle");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetHandle, "targetHandle");
        extras = JsonTrees.freezeObject(extras);
    }

    public static EdgeDefinition of(String source, String sourceHandle, String target, String targetHandle) {
        return new EdgeDefinition(NodeId.of(source), HandleName.of(sourceHandle),
                NodeId.of(target), HandleName.of(targetHandle), Map.of());
    }

    /** Whether this edge connects the same two handles as {@code other} (extras ignored). */
    public boolean sameConnectionAs(EdgeDefinition other) {
        return source.equals(other.source) && sourceHandle.equals(other.sourceHandle)
                && target.equals(other.target) && targetHandle.equals(other.targetHandle);
    }

    @Override
    public String toString() {
        return source + "." + sourceHandle + " → " + target + "." + targetHandle;
    }
}
