package io.weatherstation.flow.application.port.out;

import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;

/**
 * Decides which station instance takes a due tick: every instance keeps timers for every
 * running flow, and exactly one of them wins each tick.
 */
public interface TickClaims {

    /** True for exactly one caller per flow and scheduled instant. */
    boolean claim(FlowId flowId, Instant scheduledAt);
}
