package io.weatherstation.journal.application;

import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.application.port.in.RecordLiveEventUseCase;
import io.weatherstation.journal.application.port.out.JournalStore;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.FlowId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Buffers journal entries in memory and writes them to the {@link JournalStore} in batches, off
 * the hot path. When the store fails (a database outage), the batch stays buffered and is
 * retried on the next flush; only entries arriving while the buffer is full are dropped, and they
 * are counted ({@link #droppedEntries()}). Queries flush first, so a reader on this instance sees
 * everything recorded before the query. Every entry is also announced as a live event.
 */
public final class JournalService implements ExecutionJournalUseCase, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JournalService.class.getName());
    private static final int BATCH = 1_000;

    private final JournalStore store;
    private final int capacity;
    private final ConcurrentLinkedQueue<LogEntry> logs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SignalRecord> signals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedFlushes = new AtomicLong();
    private final ReentrantLock flushLock = new ReentrantLock();
    private final List<LogEntry> pendingLogs = new ArrayList<>();
    private final List<SignalRecord> pendingSignals = new ArrayList<>();
    private final ScheduledExecutorService flusher;
    private final RecordLiveEventUseCase live;

    public JournalService(JournalStore store, int capacity, long flushIntervalMillis) {
        this(store, capacity, flushIntervalMillis, RecordLiveEventUseCase.NONE);
    }

    public JournalService(JournalStore store, int capacity, long flushIntervalMillis, RecordLiveEventUseCase live) {
        this.store = store;
        this.live = live;
        this.capacity = capacity;
        this.flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("journal-flush").factory());
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushIntervalMillis, flushIntervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void log(LogEntry entry) {
        live.record(LiveEvent.log(entry));
        if (reserve()) {
            logs.add(entry);
        }
    }

    @Override
    public void signal(SignalRecord record) {
        live.record(LiveEvent.signal(record));
        if (reserve()) {
            signals.add(record);
        }
    }

    private boolean reserve() {
        if (buffered.incrementAndGet() > capacity) {
            buffered.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    @Override
    public Page<LogEntry> logs(LogQuery query) {
        flushQuietly();
        return store.logs(query);
    }

    @Override
    public Page<SignalRecord> signals(FlowId flowId, long cycle, int limit, int offset) {
        flushQuietly();
        return store.signals(flowId, cycle, limit, offset);
    }

    @Override
    public void forget(FlowId flowId) {
        flushQuietly();
        store.deleteFlow(flowId);
    }

    /** Entries dropped because the buffer was full. */
    public long droppedEntries() {
        return dropped.get();
    }

    /** Entries waiting to be written. */
    public int bufferedEntries() {
        return buffered.get();
    }

    /** Flushes that failed (the store was unavailable); their entries were kept and retried. */
    public long failedFlushes() {
        return failedFlushes.get();
    }

    /** Writes everything buffered; returns false when the store failed (entries are kept). */
    public boolean flush() {
        flushLock.lock();
        try {
            while (true) {
                drain(logs, pendingLogs);
                drain(signals, pendingSignals);
                if (pendingLogs.isEmpty() && pendingSignals.isEmpty()) {
                    return true;
                }
                try {
                    store.append(List.copyOf(pendingLogs), List.copyOf(pendingSignals));
                } catch (RuntimeException e) {
                    failedFlushes.incrementAndGet();
                    LOG.log(Level.WARNING, "journal store unavailable, " + buffered.get()
                            + " entries kept for retry: " + e.getMessage());
                    return false;
                }
                buffered.addAndGet(-(pendingLogs.size() + pendingSignals.size()));
                pendingLogs.clear();
                pendingSignals.clear();
            }
        } finally {
            flushLock.unlock();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "journal flush failed", e);
        }
    }

    private static <T> void drain(ConcurrentLinkedQueue<T> from, List<T> to) {
        T item;
        while (to.size() < BATCH && (item = from.poll()) != null) {
            to.add(item);
        }
    }

    @Override
    public long applyRetention(int cyclesToKeep) {
        flushQuietly();
        return store.applyRetention(cyclesToKeep);
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flushQuietly();
    }
}
