package io.weatherstation.journal.domain;

import java.util.Objects;

/** A live event at its position in the flow's event log. */
public record StoredEvent(EventId id, LiveEvent event) {

    public StoredEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
    }
}
