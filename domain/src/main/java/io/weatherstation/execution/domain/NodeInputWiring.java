package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.HandleName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * All connected input handles of one node, in definition order. One edge key may feed several
 * handles of the node (the case a wildcard signal serves).
 */
public record NodeInputWiring(List<InputHandleWiring> handles) {

    private static final NodeInputWiring NONE = new NodeInputWiring(List.of());

    public NodeInputWiring {
        handles = List.copyOf(handles);
        Set<HandleName> seen = new HashSet<>();
        for (InputHandleWiring handle : handles) {
            if (!seen.add(handle.handle())) {
                throw new IllegalArgumentException("input handle '" + handle.handle() + "' is wired twice");
            }
        }
    }

    /** A node without connected inputs (an entry node): ready as soon as its cycle starts. */
    public static NodeInputWiring none() {
        return NONE;
    }

    public static NodeInputWiring of(InputHandleWiring... handles) {
        return new NodeInputWiring(List.of(handles));
    }

    public boolean isEmpty() {
        return handles.isEmpty();
    }

    public Optional<InputHandleWiring> handle(HandleName name) {
        Objects.requireNonNull(name, "name");
        for (InputHandleWiring handle : handles) {
            if (handle.handle().equals(name)) {
                return Optional.of(handle);
            }
        }
        return Optional.empty();
    }

    /** The handles {@code edge} feeds, in definition order; empty when it feeds none. */
    public List<HandleName> handlesFedBy(EdgeKey edge) {
        List<HandleName> fed = new ArrayList<>();
        for (InputHandleWiring handle : handles) {
            if (handle.isFedBy(edge)) {
                fed.add(handle.handle());
            }
        }
        return List.copyOf(fed);
    }

    /** Number of (handle, edge) pairs: how many deliveries make the node ready. */
    public int edgeCount() {
        int count = 0;
        for (InputHandleWiring handle : handles) {
            count += handle.incoming().size();
        }
        return count;
    }
}
