package io.weatherstation.execution.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;

/** A finished cycle was asked to change: its outcome and end time are written once. */
public final class CycleAlreadyFinishedException extends IllegalStateException {

    private final CycleStatus status;

    public CycleAlreadyFinishedException(FlowId flowId, CycleNumber number, CycleStatus status, String attempted) {
        super("cycle " + number + " of flow " + flowId + " already finished " + status.wireName() + "; cannot " + attempted);
        this.status = status;
    }

    public CycleStatus status() {
        return status;
    }
}
