package io.weatherstation.execution.application;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The tasks executing on this instance and the threads running them. A watchdog interrupts a
 * task past its deadline; a termination request interrupts it at once. One watchdog scans every
 * running task a few times a second instead of arming a timer per task, which keeps the hot path
 * free of timer-queue contention.
 */
public final class RunningTasks implements AutoCloseable {

    private final Map<NodeTaskId, Handle> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;

    public RunningTasks(Duration scanInterval) {
        watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("task-watchdog").factory());
        watchdog.scheduleWithFixedDelay(this::interruptOverdue, scanInterval.toMillis(), scanInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Registers the current thread as running {@code task} (of {@code component}) until
     * {@code timeout} has passed.
     */
    public Handle enter(NodeTaskId task, ComponentId component, Duration timeout) {
        Handle handle = forCurrentThread(task, component, timeout);
        running.put(task, handle);
        handle.arm();
        return handle;
    }

    /**
     * Registers the current thread as about to run {@code task}, before its start is recorded: a
     * termination or timeout that arrives meanwhile is kept and interrupts the thread only once
     * {@link Handle#arm()} says the task runs, so it can neither be missed between the start and
     * the registration nor interrupt the recording of the start. Null when this instance already
     * starts or runs the task (a second delivery of it): that one keeps its registration.
     */
    public @Nullable Handle prepare(NodeTaskId task, ComponentId component, Duration timeout) {
        Handle handle = forCurrentThread(task, component, timeout);
        return running.putIfAbsent(task, handle) == null ? handle : null;
    }

    private Handle forCurrentThread(NodeTaskId task, ComponentId component, Duration timeout) {
        return new Handle(task, component, Thread.currentThread(), System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** Interrupts {@code task} if it runs here; false when it does not. */
    public boolean terminate(NodeTaskId task, String reason) {
        Handle handle = running.get(task);
        return handle != null && handle.interrupt(reason, false);
    }

    /**
     * Interrupts every task running here that {@code which} selects (a stop broadcast from another
     * instance names a flow, a cycle and a component); returns how many were interrupted.
     */
    public int terminateMatching(Predicate<? super Handle> which, String reason) {
        int interrupted = 0;
        for (Handle handle : running.values()) {
            if (which.test(handle) && handle.interrupt(reason, false)) {
                interrupted++;
            }
        }
        return interrupted;
    }

    /** True while {@code task} runs on this instance. */
    public boolean isRunning(NodeTaskId task) {
        return running.containsKey(task);
    }

    public int count() {
        return running.size();
    }

    private void interruptOverdue() {
        long now = System.nanoTime();
        for (Handle handle : running.values()) {
            if (now - handle.deadlineNanos > 0) {
                handle.interrupt("timed out after " + handle.timeout.toSeconds() + " s", true);
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    /** One running task; closing it makes later interrupts no-ops and clears a stray interrupt. */
    public final class Handle implements AutoCloseable {
        private final NodeTaskId task;
        private final ComponentId component;
        private final Thread thread;
        private final long deadlineNanos;
        private final Duration timeout;
        private @Nullable String interruption;
        private boolean timedOut;
        private boolean armed;
        private boolean closed;

        private Handle(NodeTaskId task, ComponentId component, Thread thread, long deadlineNanos, Duration timeout) {
            this.task = task;
            this.component = component;
            this.thread = thread;
            this.deadlineNanos = deadlineNanos;
            this.timeout = timeout;
        }

        private synchronized boolean interrupt(String reason, boolean timeout) {
            if (closed || interruption != null) {
                return !closed;
            }
            interruption = reason;
            timedOut = timeout;
            if (armed) {
                thread.interrupt();
            }
            return true;
        }

        /** The task runs now: an interruption kept since {@link #prepare} takes effect. */
        public synchronized void arm() {
            armed = true;
            if (interruption != null && !closed) {
                thread.interrupt();
            }
        }

        public NodeTaskId task() {
            return task;
        }

        public ComponentId component() {
            return component;
        }

        /** Why the task was interrupted (timeout or termination), or null. */
        public synchronized @Nullable String interruption() {
            return interruption;
        }

        public synchronized boolean timedOut() {
            return timedOut;
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            running.remove(task, this);
            Thread.interrupted();
        }
    }
}
