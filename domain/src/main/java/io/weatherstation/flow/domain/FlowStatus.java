package io.weatherstation.flow.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Lifecycle of a flow. Replacing the definition is allowed in every status and keeps it.
 *
 * <pre>
 * registered ─start→ running ─stop→ stopped ─start→ running
 *                    running ─complete→ completed ─start→ running
 * </pre>
 * {@code complete} is for a run-once flow ({@code interval} 0) whose one cycle ended.
 */
public enum FlowStatus {
    REGISTERED,
    RUNNING,
    STOPPED,
    COMPLETED;

    /** The statuses this one may move to. */
    public Set<FlowStatus> next() {
        return switch (this) {
            case REGISTERED, STOPPED, COMPLETED -> Set.of(RUNNING);
            case RUNNING -> Set.of(STOPPED, COMPLETED);
        };
    }

    public boolean canTransitionTo(FlowStatus target) {
        return next().contains(target);
    }

    /** The lower-case form stored in {@code flow:{id}.status} and shown by the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the stored form.
     *
     * @throws IllegalArgumentException for an unknown status
     */
    public static FlowStatus fromCode(String code) {
        for (FlowStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown flow status '" + code + "'");
    }
}
