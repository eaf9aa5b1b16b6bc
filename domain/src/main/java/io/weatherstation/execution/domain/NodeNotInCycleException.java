package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.util.Set;

/** A node that was not registered in the cycle was named as part of it. */
public final class NodeNotInCycleException extends IllegalArgumentException {

    public NodeNotInCycleException(FlowId flowId, CycleNumber number, Set<NodeId> nodes) {
        super("node(s) " + nodes + " are not part of cycle " + number + " of flow " + flowId);
    }
}
