package io.weatherstation.execution.domain;

import io.weatherstation.flow.domain.PartialRunMode;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A partial run as it was started: what was asked for and the inputs supplied for its boundary
 * handles. Its progress is the progress of its cycle ({@link PartialRunId#cycle()}).
 *
 * @param flowId    the flow it ran a part of
 * @param id        its number within the flow
 * @param trigger   the node it was built around
 * @param mode      how the nodes were chosen
 * @param nodes     the nodes it runs, in topological order
 * @param inputs    the values supplied for boundary handles, delivered to their nodes as signals
 * @param startedAt when it started
 */
public record PartialRun(FlowId flowId, PartialRunId id, NodeId trigger, PartialRunMode mode, List<NodeId> nodes,
        List<Input> inputs, Instant startedAt) {

    public PartialRun {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(startedAt, "startedAt");
        nodes = List.copyOf(nodes);
        inputs = List.copyOf(inputs);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a partial run runs at least one node");
        }
    }

    /** The inputs supplied for one node, by handle name. */
    public Map<String, Object> inputsOf(NodeId node) {
        Map<String, Object> values = new LinkedHashMap<>();
        inputs.stream().filter(i -> i.node().equals(node)).forEach(i -> values.put(i.handle().value(), i.payload()));
        return Collections.unmodifiableMap(values);
    }

    public Optional<Input> input(NodeId node, HandleName handle) {
        return inputs.stream().filter(i -> i.node().equals(node) && i.handle().equals(handle)).findFirst();
    }

    /**
     * A value supplied for a boundary handle: the payload the node receives on that handle, as if
     * the left-out upstream node had sent it.
     */
    public record Input(NodeId node, HandleName handle, Map<String, @Nullable Object> payload) {

        public Input {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(handle, "handle");
            payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
        }
    }
}
