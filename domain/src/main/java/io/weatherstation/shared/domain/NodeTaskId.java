package io.weatherstation.shared.domain;

/**
 * One execution of one node in one cycle. The display form {@code {flow_id}_{cycle}_{node_id}}
 * is for people and storage keys: flow and node ids may themselves contain {@code _}, so the
 * parts are kept as fields, and a display form given back by a user may read as more than one id
 * ({@link #readingsOf}); a lookup tries each.
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

    /**
     * Every id whose display form is {@code display}, splitting at each {@code _} that is followed
     * by a cycle number and another {@code _}, flow id shortest first; empty when none is valid.
     */
    public static java.util.List<NodeTaskId> readingsOf(String display) {
        java.util.List<NodeTaskId> readings = new java.util.ArrayList<>(1);
        for (int at = display.indexOf('_'); at > 0; at = display.indexOf('_', at + 1)) {
            int end = at + 1;
            while (end < display.length() && Character.isDigit(display.charAt(end))) {
                end++;
            }
            if (end == at + 1 || end + 1 >= display.length() || display.charAt(end) != '_') {
                continue;
            }
            try {
                readings.add(of(FlowId.of(display.substring(0, at)),
                        CycleNumber.of(Long.parseLong(display.substring(at + 1, end))),
                        NodeId.of(display.substring(end + 1))));
            } catch (IllegalArgumentException notAnId) {
                // Not a valid flow id, cycle number or node id at this split: another may be.
            }
        }
        return readings;
    }

    @Override
    public String toString() {
        return display();
    }
}
