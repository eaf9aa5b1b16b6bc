package io.weatherstation.journal.application.port.out;

import io.weatherstation.journal.domain.EventId;
import io.weatherstation.journal.domain.EventPage;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.shared.domain.FlowId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Per-flow logs of live events with bounded retention: an in-memory ring per flow in the embedded
 * mode, a Redis stream per flow in the distributed mode, shared by every instance. Ids grow within
 * a flow; an event is readable on every instance once {@link #append} returned.
 */
public interface EventLog {

    /** Appends the events (of any flows), keeping their order within each flow. Throws when the log is unavailable. */
    void append(List<LiveEvent> events);

    /**
     * At most {@code limit} events of the flow after {@code after}, oldest first, and whether events
     * after {@code after} were discarded by retention ({@link EventPage#lostThrough()}).
     */
    EventPage readAfter(FlowId flowId, EventId after, int limit);

    /** The id of the flow's newest event (or of the last one ever added), {@link EventId#ZERO} when it has none. */
    EventId latest(FlowId flowId);

    /**
     * Calls {@code listener} with a flow's id after events were appended to its log, on this
     * instance or another. A hint to read, not a delivery: notices may be late, repeated or (across
     * instances) lost, so readers also look again now and then.
     */
    void onAppended(Consumer<FlowId> listener);

    /** What the log keeps, for people: e.g. "the last 10000 events of each flow, for 24 h after its last event". */
    String retention();
}
