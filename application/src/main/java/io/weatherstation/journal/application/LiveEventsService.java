package io.weatherstation.journal.application;

import io.weatherstation.journal.application.port.in.FollowFlowEventsUseCase;
import io.weatherstation.journal.application.port.in.RecordLiveEventUseCase;
import io.weatherstation.journal.application.port.in.TooManyFollowersException;
import io.weatherstation.journal.application.port.out.EventLog;
import io.weatherstation.journal.domain.EventId;
import io.weatherstation.journal.domain.EventPage;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Live events, both ways. Recording puts the event in a bounded buffer and returns; one thread
 * writes the buffer to the {@link EventLog} in batches (an event that finds the buffer full, or
 * whose batch the log refused, is dropped and counted: live events are a view, never a reason to
 * slow an execution down). Followers read the log itself from their own position, woken by the
 * log's append notices and, since notices from other instances may be lost, by a periodic look.
 * Nothing is queued per follower, so a slow client costs no memory, and resuming after an event id
 * is the same read as following live — no gaps and no duplicates within the log's retention.
 */
public final class LiveEventsService implements RecordLiveEventUseCase, FollowFlowEventsUseCase, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiveEventsService.class.getName());
    private static final int BATCH = 500;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int LINGER_LOOKS = 50;
    private static final long WARNING_EVERY_MILLIS = 60_000;

    private final EventLog log;
    /** Events waiting for the writer: many threads add, the writer alone takes; no lock on the way in. */
    private final ConcurrentLinkedQueue<LiveEvent> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final int bufferCapacity;
    private volatile boolean writerAsleep;
    /** Looks in a row that found nothing; the writer thread's own. */
    private int emptyLooks;
    private final int pageSize;
    private final Duration lookAgain;
    private final int maxFollowers;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedAppends = new AtomicLong();
    private final AtomicInteger followers = new AtomicInteger();
    private final Map<FlowId, Wakeups> wakeups = new ConcurrentHashMap<>();
    private final Thread writer;
    private volatile boolean closed;
    private volatile long lastWarning;

    /**
     * @param bufferCapacity events waiting to be written before new ones are dropped
     * @param pageSize most events a follower gets per read
     * @param lookAgain how often an idle follower reads the log without a notice
     * @param maxFollowers followers this instance serves at once
     */
    public LiveEventsService(EventLog log, int bufferCapacity, int pageSize, Duration lookAgain, int maxFollowers) {
        if (bufferCapacity < 1 || pageSize < 1 || maxFollowers < 1 || lookAgain.isNegative() || lookAgain.isZero()) {
            throw new IllegalArgumentException("live events need a buffer, a page size, a follower limit and a "
                    + "positive look-again period");
        }
        this.log = Objects.requireNonNull(log, "log");
        this.bufferCapacity = bufferCapacity;
        this.pageSize = pageSize;
        this.lookAgain = lookAgain;
        this.maxFollowers = maxFollowers;
        log.onAppended(this::wake);
        this.writer = Thread.ofPlatform().daemon().name("live-events").start(this::writeLoop);
    }

    // ---------------------------------------------------------------------------------- record

    @Override
    public void record(LiveEvent event) {
        if (closed) {
            dropped.incrementAndGet();
            return;
        }
        if (buffered.incrementAndGet() > bufferCapacity) {
            buffered.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        buffer.offer(event);
        recorded.incrementAndGet();
        if (writerAsleep) {
            LockSupport.unpark(writer);
        }
    }

    private void writeLoop() {
        List<LiveEvent> batch = new ArrayList<>(BATCH);
        while (true) {
            LiveEvent event;
            while (batch.size() < BATCH && (event = buffer.poll()) != null) {
                batch.add(event);
            }
            if (!batch.isEmpty()) {
                emptyLooks = 0;
                buffered.addAndGet(-batch.size());
                write(batch);
                batch.clear();
                continue;
            }
            if (closed) {
                return;
            }
            if (++emptyLooks <= LINGER_LOOKS) {
                // Events usually come in bursts (a cycle's status changes, log lines and signals):
                // look again shortly instead of being woken for every event, so the writer does
                // not take a core from the engine's threads once per event.
                LockSupport.parkNanos(LINGER_NANOS);
                continue;
            }
            // Asleep: announce it before the last look, so an event added meanwhile unparks us.
            writerAsleep = true;
            if (buffer.isEmpty() && !closed) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
            writerAsleep = false;
            emptyLooks = 0;
        }
    }

    private void write(List<LiveEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            log.append(batch);
        } catch (RuntimeException e) {
            dropped.addAndGet(batch.size());
            failedAppends.incrementAndGet();
            long now = System.currentTimeMillis();
            if (now - lastWarning > WARNING_EVERY_MILLIS) {
                lastWarning = now;
                LOG.log(Level.WARNING, "event log unavailable, " + batch.size() + " live events dropped ("
                        + dropped.get() + " so far): " + e.getMessage());
            }
            return;
        }
        batch.stream().map(LiveEvent::flowId).distinct().forEach(this::wake);
    }

    // ---------------------------------------------------------------------------------- follow

    @Override
    public Follower follow(FlowId flowId, @Nullable EventId lastEventId) {
        Objects.requireNonNull(flowId, "flowId");
        if (followers.incrementAndGet() > maxFollowers) {
            followers.decrementAndGet();
            throw new TooManyFollowersException(maxFollowers);
        }
        try {
            Wakeups flowWakeups = wakeups.compute(flowId, (id, w) -> {
                Wakeups result = w == null ? new Wakeups() : w;
                result.users++;
                return result;
            });
            // The position is taken after joining the wake-ups, so no notice after it is missed.
            EventId start = lastEventId != null ? lastEventId : log.latest(flowId);
            return new LogFollower(flowId, flowWakeups, start);
        } catch (RuntimeException e) {
            release(flowId);
            throw e;
        }
    }

    private void release(FlowId flowId) {
        followers.decrementAndGet();
        wakeups.computeIfPresent(flowId, (id, w) -> --w.users == 0 ? null : w);
    }

    private void wake(FlowId flowId) {
        Wakeups flowWakeups = wakeups.get(flowId);
        if (flowWakeups != null) {
            flowWakeups.ring();
        }
    }

    /** Followers of one flow on this instance and a counter of append notices they wait on. */
    private static final class Wakeups {
        private int users;
        private long rings;

        synchronized void ring() {
            rings++;
            notifyAll();
        }

        synchronized long rings() {
            return rings;
        }

        /** Waits until a notice after {@code seen} or until {@code nanos} passed. */
        synchronized void await(long seen, long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            long left = nanos;
            while (rings == seen && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
                left = deadline - System.nanoTime();
            }
        }
    }

    private final class LogFollower implements Follower {
        private final FlowId flowId;
        private final Wakeups flowWakeups;
        private EventId position;
        private @Nullable EventId reportedLoss;
        private final AtomicBoolean open = new AtomicBoolean(true);

        LogFollower(FlowId flowId, Wakeups flowWakeups, EventId start) {
            this.flowId = flowId;
            this.flowWakeups = flowWakeups;
            this.position = start;
        }

        @Override
        public EventPage next(Duration maxWait) throws InterruptedException {
            if (!open.get()) {
                throw new IllegalStateException("follower closed");
            }
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (true) {
                long seen = flowWakeups.rings();
                EventPage page = log.readAfter(flowId, position, pageSize);
                if (!page.events().isEmpty()) {
                    position = page.events().getLast().id();
                    return page;
                }
                EventId lost = page.lostThrough();
                if (lost != null && !lost.equals(reportedLoss)) {
                    // A loss is reported once; an expired log reports the same one until new events come.
                    reportedLoss = lost;
                    position = lost;
                    return page;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return EventPage.of(List.of());
                }
                flowWakeups.await(seen, Math.min(left, lookAgain.toNanos()));
            }
        }

        @Override
        public EventId position() {
            return position;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                release(flowId);
            }
        }
    }

    // --------------------------------------------------------------------------------- metrics

    /** Events accepted into the buffer. */
    public long recordedEvents() {
        return recorded.get();
    }

    /** Events dropped: the buffer was full, or the log refused their batch. */
    public long droppedEvents() {
        return dropped.get();
    }

    /** Batches the event log refused (it was unavailable). */
    public long failedAppends() {
        return failedAppends.get();
    }

    /** Events waiting to be written. */
    public int bufferedEvents() {
        return buffered.get();
    }

    /** Followers currently served by this instance. */
    public int followers() {
        return followers.get();
    }

    @Override
    public String retention() {
        return log.retention();
    }

    /** Writes what is buffered and stops; later events are dropped. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
