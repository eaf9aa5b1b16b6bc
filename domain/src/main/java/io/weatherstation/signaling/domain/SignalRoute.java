package io.weatherstation.signaling.domain;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a data signal goes, as the routing key of SPEC §7:
 * {@code flow.{flow_id}.component.{component_id}.cycle.{cycle}.from.{source_node}.handle.{source_handle}.to.{target_node}.handle.{target_handle}}.
 *
 * <p>The key is an observable contract: anyone may bind {@code flow.{flow_id}.#} and watch a
 * flow live. Every id is routing-key safe by construction, so {@link #routingKey()} never
 * produces a key that {@link #parse(String)} rejects, and the two round-trip exactly.
 */
public record SignalRoute(
        FlowId flowId,
        ComponentId component,
        CycleNumber cycle,
        NodeId sourceNode,
        HandleName sourceHandle,
        NodeId targetNode,
        TargetHandle targetHandle) implements RoutingKey {

    static final String SHAPE = "flow.{flow_id}.component.{component_id}.cycle.{cycle}.from.{source_node}"
            + ".handle.{source_handle}.to.{target_node}.handle.{target_handle}";
    private static final int WORDS = 14;

    public SignalRoute {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(sourceNode, "sourceNode");
        Objects.requireNonNull(sourceHandle, "sourceHandle");
        Objects.requireNonNull(targetNode, "targetNode");
        Objects.requireNonNull(targetHandle, "targetHandle");
    }

    /** A route to one named input handle. */
    public static SignalRoute to(FlowId flowId, ComponentId component, CycleNumber cycle, NodeId sourceNode,
                                 HandleName sourceHandle, NodeId targetNode, HandleName targetHandle) {
        return new SignalRoute(flowId, component, cycle, sourceNode, sourceHandle, targetNode,
                TargetHandle.named(targetHandle));
    }

    /** A wildcard route ({@code handle.*}): one message for several input handles of the target node. */
    public static SignalRoute wildcard(FlowId flowId, ComponentId component, CycleNumber cycle, NodeId sourceNode,
                                       HandleName sourceHandle, NodeId targetNode) {
        return new SignalRoute(flowId, component, cycle, sourceNode, sourceHandle, targetNode, TargetHandle.WILDCARD);
    }

    public boolean isWildcard() {
        return targetHandle instanceof TargetHandle.Wildcard;
    }

    /** The named target handle; empty for a wildcard route. */
    public Optional<HandleName> namedTargetHandle() {
        return targetHandle instanceof TargetHandle.Named(HandleName handle) ? Optional.of(handle) : Optional.empty();
    }

    /**
     * The consumer-side check of SPEC §7: true when this message is for {@code handle} of
     * {@code node} in {@code cycle} of {@code flow}. A wildcard route covers every handle of the
     * node (which ones it really carries is in the payload).
     */
    public boolean isAddressedTo(FlowId flow, CycleNumber cycle, NodeId node, HandleName handle) {
        return flowId.equals(flow) && this.cycle.equals(cycle) && targetNode.equals(node) && targetHandle.covers(handle);
    }

    @Override
    public String routingKey() {
        return "flow." + flowId.value()
                + ".component." + component.value()
                + ".cycle." + cycle.value()
                + ".from." + sourceNode.value()
                + ".handle." + sourceHandle.value()
                + ".to." + targetNode.value()
                + ".handle." + targetHandle.word();
    }

    /**
     * Parses a signal routing key.
     *
     * @throws MalformedRoutingKeyException saying what is wrong: word count, a literal word, an
     *                                      id, a number (negative, leading zeros, out of range),
     *                                      {@code *} anywhere but as the whole target handle, or
     *                                      {@code #} anywhere
     */
    public static SignalRoute parse(@Nullable String key) {
        RoutingKeyWords words = RoutingKeyWords.split(key, SHAPE, WORDS);
        words.requireLiteral(0, "flow");
        words.requireLiteral(2, "component");
        words.requireLiteral(4, "cycle");
        words.requireLiteral(6, "from");
        words.requireLiteral(8, "handle");
        words.requireLiteral(10, "to");
        words.requireLiteral(12, "handle");
        FlowId flow = FlowId.of(words.identifier(1, "flow id"));
        ComponentId component = ComponentId.of((int) words.number(3, "component id", Integer.MAX_VALUE));
        CycleNumber cycle = CycleNumber.of(words.number(5, "cycle", Long.MAX_VALUE));
        NodeId sourceNode = NodeId.of(words.identifier(7, "source node"));
        HandleName sourceHandle = HandleName.of(words.identifier(9, "source handle"));
        NodeId targetNode = NodeId.of(words.identifier(11, "target node"));
        TargetHandle target = words.word(13).equals(TargetHandle.WILDCARD_WORD)
                ? TargetHandle.WILDCARD
                : TargetHandle.named(HandleName.of(words.identifier(13, "target handle")));
        return new SignalRoute(flow, component, cycle, sourceNode, sourceHandle, targetNode, target);
    }

    /** The binding that sees every signal and stop of a flow: {@code flow.{flow_id}.#}. */
    public static String bindingPatternForFlow(FlowId flowId) {
        return "flow." + Objects.requireNonNull(flowId, "flowId").value() + ".#";
    }

    /**
     * The binding that sees every data signal for one node in one cycle, named or wildcard:
     * {@code flow.{f}.component.{c}.cycle.{n}.from.*.handle.*.to.{node}.handle.*}.
     */
    public static String bindingPatternForTargetNode(FlowId flowId, ComponentId component, CycleNumber cycle, NodeId node) {
        return "flow." + flowId.value()
                + ".component." + component.value()
                + ".cycle." + cycle.value()
                + ".from.*.handle.*.to." + node.value() + ".handle.*";
    }

    @Override
    public String toString() {
        return routingKey();
    }
}
