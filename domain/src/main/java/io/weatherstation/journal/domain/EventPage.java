package io.weatherstation.journal.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an event log holds after a position: the next events, oldest first, and whether events
 * after that position may have been discarded by retention before they could be read.
 *
 * @param lostThrough when not null, events after the requested position up to (and including)
 *     this id may be gone: the follower missed them. Reading on after {@code lostThrough} reports
 *     no further loss, so it is the position a follower acknowledges the gap with — except when
 *     the flow's whole log expired: then it is the requested position itself, and the loss is
 *     reported again until the flow has a new event.
 */
public record EventPage(List<StoredEvent> events, @Nullable EventId lostThrough) {

    public EventPage {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    public static EventPage of(List<StoredEvent> events) {
        return new EventPage(events, null);
    }

    public boolean hasGap() {
        return lostThrough != null;
    }
}
