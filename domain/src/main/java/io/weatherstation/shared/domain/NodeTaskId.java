package io.weatherstation.shared.domain;

/**
 * One execution of one node in one cycle. The display form {@code {flow_id}_{cycle}_{node_id}}
 * is for people and storage keys only: flow and node ids may themselves contain {@code _},
 * so the parts are kept as fields and the display form is never split to recover them.
 */
public record NodeTaskId(FlowId flowId, CycleNumber cycle, NodeId nodeId) {

    public NodeTaskId {
        java.util.Objects.requireNonNull(flowId, "flowId");
        java.util.Objects.requireNonNull(cycle, "cycle");
        java.util.Objects.requireNonNull(nodeId, "nodeId");
    }

    public static NodeTaskId of(FlowId flowId, CycleNumber cycle, NodeId nodeId) {
        return new NodeTaskId(flowId, cycle, nodeId);
    }

    /** {@code {flow_id}_{cycle}_{node_id}}. */
    public String display() {
        return flowId.value() + "_" + cycle.value() + "_" + nodeId.value();
    }

    @Override
    public String toString() {
        return display();
    }
}
