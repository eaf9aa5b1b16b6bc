package io.weatherstation.journal.application.port.in;

import io.weatherstation.journal.domain.LiveEvent;

/**
 * Announces something that happened in a flow to the followers of its live event stream. Never
 * blocks and never throws: events are buffered and written to the event log off the caller's
 * thread; when the buffer is full the event is dropped and counted, so an execution is never
 * slowed down or failed by its audience.
 */
public interface RecordLiveEventUseCase {

    void record(LiveEvent event);

    /** Records nothing (tests and tools that need no live events). */
    RecordLiveEventUseCase NONE = event -> { };
}
