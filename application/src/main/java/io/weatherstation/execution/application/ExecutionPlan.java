package io.weatherstation.execution.application;

import io.weatherstation.catalog.domain.InputHandleSpec;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.catalog.domain.OutputHandleSpec;
import io.weatherstation.execution.domain.EdgeKey;
import io.weatherstation.execution.domain.InputHandleWiring;
import io.weatherstation.execution.domain.NodeInputWiring;
import io.weatherstation.flow.domain.DirectedEdge;
import io.weatherstation.flow.domain.EdgeDefinition;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.FlowStructure;
import io.weatherstation.flow.domain.NodeDefinition;
import io.weatherstation.flow.domain.StructureAnalyzer;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.signaling.domain.SignalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A flow definition compiled for execution, once per definition version: per node its
 * component, input wiring (normal or aggregate handles and the edges feeding them) and its sends
 * (one per source handle and target node; a wildcard send when one source handle feeds several
 * handles of the same target).
 */
public final class ExecutionPlan {

    private final FlowId flowId;
    private final long definitionVersion;
    private final FlowDefinition definition;
    private final FlowStructure structure;
    private final Map<NodeId, PlannedNode> nodes;

    private ExecutionPlan(FlowId flowId, long definitionVersion, FlowDefinition definition, FlowStructure structure,
            Map<NodeId, PlannedNode> nodes) {
        this.flowId = flowId;
        this.definitionVersion = definitionVersion;
        this.definition = definition;
        this.structure = structure;
        this.nodes = Collections.unmodifiableMap(nodes);
    }

    public static ExecutionPlan compile(FlowId flowId, long definitionVersion, FlowDefinition definition,
            NodeTypeCatalog catalog) {
        FlowStructure structure = StructureAnalyzer.analyze(definition.nodeIds(),
                definition.edges().stream().map(e -> new DirectedEdge(e.source(), e.target())).toList());
        Map<NodeId, PlannedNode> planned = new LinkedHashMap<>();
        for (NodeDefinition node : definition.nodes()) {
            NodeTypeDescriptor type = catalog.find(node.type()).orElseThrow(() -> new IllegalStateException(
                    "node " + node.id() + " has type " + node.type() + " which this station does not know"));
            planned.put(node.id(), new PlannedNode(node, type, structure.componentOf(node.id()).id(),
                    wiring(node, type, definition), sends(node, type, definition)));
        }
        return new ExecutionPlan(flowId, definitionVersion, definition, structure, planned);
    }

    private static NodeInputWiring wiring(NodeDefinition node, NodeTypeDescriptor type, FlowDefinition definition) {
        Map<HandleName, Set<EdgeKey>> byHandle = new LinkedHashMap<>();
        for (EdgeDefinition edge : definition.incomingEdges(node.id())) {
            byHandle.computeIfAbsent(edge.targetHandle(), h -> new LinkedHashSet<>())
                    .add(EdgeKey.of(edge.source(), edge.sourceHandle()));
        }
        List<InputHandleWiring> handles = new ArrayList<>();
        byHandle.forEach((handle, edges) -> {
            InputHandleSpec spec = type.input(handle.value()).orElse(null);
            boolean aggregate = spec != null && spec.aggregate();
            boolean required = spec == null || spec.required();
            handles.add(new InputHandleWiring(handle, aggregate, required, edges));
        });
        return new NodeInputWiring(handles);
    }

    private static List<Send> sends(NodeDefinition node, NodeTypeDescriptor type, FlowDefinition definition) {
        Map<HandleName, Map<NodeId, List<HandleName>>> grouped = new LinkedHashMap<>();
        for (EdgeDefinition edge : definition.outgoingEdges(node.id())) {
            grouped.computeIfAbsent(edge.sourceHandle(), h -> new LinkedHashMap<>())
                    .computeIfAbsent(edge.target(), t -> new ArrayList<>())
                    .add(edge.targetHandle());
        }
        List<Send> sends = new ArrayList<>();
        grouped.forEach((sourceHandle, targets) -> {
            SignalType signalType = type.output(sourceHandle.value())
                    .map(OutputHandleSpec::signalType).map(SignalType::of).orElse(SignalType.ANY);
            targets.forEach((target, handles) -> sends.add(new Send(sourceHandle, signalType, target,
                    List.copyOf(new LinkedHashSet<>(handles)))));
        });
        return List.copyOf(sends);
    }

    public FlowId flowId() {
        return flowId;
    }

    public long definitionVersion() {
        return definitionVersion;
    }

    public FlowDefinition definition() {
        return definition;
    }

    public FlowStructure structure() {
        return structure;
    }

    public PlannedNode node(NodeId id) {
        PlannedNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("node " + id + " is not in flow " + flowId);
        }
        return node;
    }

    public boolean contains(NodeId id) {
        return nodes.containsKey(id);
    }

    public java.util.Collection<PlannedNode> nodes() {
        return nodes.values();
    }

    /** One node as the engine runs it. */
    public record PlannedNode(NodeDefinition definition, NodeTypeDescriptor type, ComponentId component,
            NodeInputWiring wiring, List<Send> sends) {

        public NodeId id() {
            return definition.id();
        }

        /** A node without connected inputs runs as soon as its cycle starts. */
        public boolean isEntry() {
            return wiring.isEmpty();
        }
    }

    /**
     * What one source handle sends to one target node: a signal per target handle, or one wildcard
     * signal when there are several.
     */
    public record Send(HandleName sourceHandle, SignalType signalType, NodeId target, List<HandleName> targetHandles) {

        public boolean wildcard() {
            return targetHandles.size() > 1;
        }

        public EdgeKey edgeKey(NodeId source) {
            return EdgeKey.of(source, sourceHandle);
        }
    }
}
