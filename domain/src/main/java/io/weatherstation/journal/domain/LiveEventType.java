package io.weatherstation.journal.domain;

/** What a live event reports; the wire name is the SSE {@code event} field. */
public enum LiveEventType {
    /** A cycle started, with the nodes it registered. */
    CYCLE_STARTED("cycle_started"),
    /** A node task changed status. */
    NODE_STATUS("node_status"),
    /** A journal log line. */
    LOG("log"),
    /** A signal was sent (including STOP_EXECUTION broadcasts). */
    SIGNAL("signal"),
    /** Every task of a cycle reached a terminal status; the cycle's outcome. */
    CYCLE_FINISHED("cycle_finished");

    private final String wireName;

    LiveEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static LiveEventType fromWireName(String name) {
        for (LiveEventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown live event type '" + name + "'");
    }
}
