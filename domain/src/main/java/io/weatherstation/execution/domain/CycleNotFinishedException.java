package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.util.Map;
import java.util.stream.Collectors;

/** A cycle can only finish when every one of its tasks is terminal; these are not (status, or missing). */
public final class CycleNotFinishedException extends IllegalStateException {

    private static final int LISTED = 20;

    private final Map<NodeId, String> unfinished;

    public CycleNotFinishedException(FlowId flowId, CycleNumber number, Map<NodeId, String> unfinished) {
        super("cycle " + number + " of flow " + flowId + " cannot finish: " + unfinished.size()
                + " task(s) not finished: " + unfinished.entrySet().stream().limit(LISTED)
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", ")) + (unfinished.size() > LISTED ? ", …" : ""));
        this.unfinished = Map.copyOf(unfinished);
    }

    /** Node id → its status' wire name, or {@code "no status"} when none was given. */
    public Map<NodeId, String> unfinished() {
        return unfinished;
    }
}
