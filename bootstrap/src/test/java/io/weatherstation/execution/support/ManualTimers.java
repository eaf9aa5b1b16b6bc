package io.weatherstation.execution.support;

import io.weatherstation.flow.application.port.out.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Timers that fire only when the test says so, on the test's thread, at the instants they were
 * armed for: {@link #advanceBy} moves the {@link MutableClock} from due timer to due timer, like
 * a station that keeps perfect time, so N periods give exactly N ticks with no real waiting.
 */
public final class ManualTimers implements Timers {

    private final MutableClock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>(
            Comparator.comparing(Pending::at).thenComparingLong(Pending::sequence));

    public ManualTimers(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable at(Instant at, Runnable task) {
        Pending pending = new Pending(at, sequence.incrementAndGet(), task);
        synchronized (queue) {
            queue.add(pending);
        }
        return () -> {
            synchronized (queue) {
                queue.remove(pending);
            }
        };
    }

    /** Fires every timer due at the clock's current instant (including timers they arm for now). */
    public int runDue() {
        return runUntil(clock.instant(), false);
    }

    /**
     * Moves the clock forward by {@code duration}, stopping at each timer due on the way (the
     * clock shows the timer's instant while it fires), and ends at now + {@code duration}.
     */
    public int advanceBy(Duration duration) {
        Instant target = clock.instant().plus(duration);
        int fired = runUntil(target, true);
        clock.set(target);
        return fired;
    }

    /** Moves the clock without firing anything (a station that fell asleep), then fires what is due. */
    public int jumpBy(Duration duration) {
        clock.advance(duration);
        return runDue();
    }

    public int pending() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private int runUntil(Instant target, boolean moveClock) {
        int fired = 0;
        while (true) {
            Pending next;
            synchronized (queue) {
                next = queue.peek();
                if (next == null || next.at().isAfter(target)) {
                    return fired;
                }
                queue.poll();
            }
            if (moveClock) {
                clock.set(next.at());
            }
            next.task().run();
            fired++;
        }
    }

    private record Pending(Instant at, long sequence, Runnable task) {
    }
}
