package io.weatherstation.journal.application.port.in;

import io.weatherstation.journal.domain.EventId;
import io.weatherstation.journal.domain.EventPage;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Follows a flow's live events (node task statuses, log lines, signals, cycle starts and ends) as
 * they happen on any instance, resuming after a given event without gaps or duplicates while that
 * event is within the retention window.
 */
public interface FollowFlowEventsUseCase {

    /**
     * Starts following {@code flowId} after {@code lastEventId}, or from now when it is null.
     * The caller must check that the flow exists; the follower must be closed.
     *
     * @throws TooManyFollowersException when this instance already serves its maximum of followers
     */
    Follower follow(FlowId flowId, @Nullable EventId lastEventId);

    /** What the event log keeps (the retention window), for people. */
    String retention();

    /**
     * One follower's position in a flow's event log. Reads only as fast as its caller asks, so a
     * slow reader costs no memory: what it has not read yet stays in the log. Not thread-safe.
     */
    interface Follower extends AutoCloseable {

        /**
         * The next events after the follower's position (at most a page), waiting up to
         * {@code maxWait} for one; empty when none came. A page with a gap reports events that
         * retention discarded before they were read; the position then moves past them.
         */
        EventPage next(Duration maxWait) throws InterruptedException;

        /** The id of the last event returned (or acknowledged as lost), the start position before any. */
        EventId position();

        @Override
        void close();
    }
}
