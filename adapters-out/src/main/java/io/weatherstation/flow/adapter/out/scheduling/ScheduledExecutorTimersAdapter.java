package io.weatherstation.flow.adapter.out.scheduling;

import io.weatherstation.flow.application.port.out.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Timers on one scheduling thread; each due task runs on its own virtual thread so a slow cycle
 * launch never delays another flow's tick.
 */
@Component
final class ScheduledExecutorTimersAdapter implements Timers, AutoCloseable {

    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer;

    ScheduledExecutorTimersAdapter(Clock clock) {
        this.clock = clock;
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("flow-timers").factory());
        this.timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Cancellable at(Instant at, Runnable task) {
        long delayNanos = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        ScheduledFuture<?> future = timer.schedule(() -> Thread.ofVirtual().name("tick").start(task), delayNanos,
                TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
