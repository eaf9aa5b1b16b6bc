package io.weatherstation.flow.domain;

import java.util.Locale;

/** What was asked of a flow, named in {@link IllegalFlowTransitionException}. */
public enum FlowAction {
    START,
    STOP,
    COMPLETE,
    /** Setting the next execution time: only a running flow has a schedule. */
    SCHEDULE_NEXT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
