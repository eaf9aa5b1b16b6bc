package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeId;
import java.util.Objects;

/**
 * What an operator pauses: a whole flow, one connected component of it, or one node.
 *
 * <p>A paused flow starts no cycles and holds the ready tasks of its cycles; a paused component
 * or node holds its ready tasks (in every run of the flow, partial runs included) until it is
 * resumed. Each target is paused at most once at a time.
 */
public sealed interface PauseTarget {

    /** {@code flow}, {@code component} or {@code node}. */
    String kind();

    /**
     * The storage field of this target: {@code flow}, {@code component:{id}} or {@code node:{id}}.
     * Unique per flow.
     */
    String key();

    static PauseTarget flow() {
        return WholeFlow.INSTANCE;
    }

    static PauseTarget component(ComponentId component) {
        return new Component(component);
    }

    static PauseTarget node(NodeId node) {
        return new Node(node);
    }

    /** Reads a {@link #key()}. */
    static PauseTarget parseKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.equals("flow")) {
            return flow();
        }
        if (key.startsWith("component:")) {
            return component(ComponentId.parse(key.substring("component:".length())));
        }
        if (key.startsWith("node:")) {
            return node(NodeId.of(key.substring("node:".length())));
        }
        throw new IllegalArgumentException("not a pause target: '" + key + "'");
    }

    /** The whole flow. */
    record WholeFlow() implements PauseTarget {

        static final WholeFlow INSTANCE = new WholeFlow();

        @Override
        public String kind() {
            return "flow";
        }

        @Override
        public String key() {
            return "flow";
        }

        @Override
        public String toString() {
            return "the flow";
        }
    }

    /** One connected component, by its id in the flow's structure. */
    record Component(ComponentId id) implements PauseTarget {

        public Component {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String kind() {
            return "component";
        }

        @Override
        public String key() {
            return "component:" + id.value();
        }

        @Override
        public String toString() {
            return "component " + id.value();
        }
    }

    /** One node. */
    record Node(NodeId id) implements PauseTarget {

        public Node {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String kind() {
            return "node";
        }

        @Override
        public String key() {
            return "node:" + id.value();
        }

        @Override
        public String toString() {
            return "node " + id.value();
        }
    }
}
