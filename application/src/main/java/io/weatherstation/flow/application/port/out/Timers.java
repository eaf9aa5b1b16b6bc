package io.weatherstation.flow.application.port.out;

import java.time.Instant;

/** Runs a task at an instant of the station's clock. Tests drive a manual implementation. */
public interface Timers {

    /** Runs {@code task} at {@code at} (at once when {@code at} has passed). */
    Cancellable at(Instant at, Runnable task);

    /** A pending timer. */
    interface Cancellable {
        void cancel();
    }
}
