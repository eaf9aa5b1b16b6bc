package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.in.RunNodeTaskUseCase;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.execution.application.port.out.TaskDispatcher;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs dispatched tasks on virtual threads in this process. A task made ready by a task that is
 * finishing on one of these threads (its signal reached the next node) runs on that same thread
 * once the finishing task's run has returned, instead of on a new thread: along a chain every
 * hop saves starting and scheduling a thread. Only the first such task is kept per run, so the
 * branches of a fan-out still run in parallel, each on its own thread. A task dispatched from
 * anywhere else (a cycle start, a retry's delay) gets a new thread.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class VirtualThreadTaskDispatcherAdapter implements TaskDispatcher, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VirtualThreadTaskDispatcherAdapter.class.getName());

    /** The worker whose task is running on the current thread, if it is one of ours. */
    private static final ThreadLocal<Worker> CURRENT = new ThreadLocal<>();

    private final ObjectProvider<RunNodeTaskUseCase> runner;
    private volatile RunNodeTaskUseCase resolved;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("node-", 0).factory());
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("retry-delays").factory());

    VirtualThreadTaskDispatcherAdapter(ObjectProvider<RunNodeTaskUseCase> runner) {
        this.runner = runner;
    }

    @Override
    public void dispatch(TaskAssignment assignment) {
        Worker current = CURRENT.get();
        if (current != null && current.owner == this && current.next == null) {
            current.next = assignment;
            return;
        }
        workers.execute(new Worker(assignment));
    }

    private RunNodeTaskUseCase runner() {
        RunNodeTaskUseCase target = resolved;
        if (target == null) {
            target = runner.getObject();
            resolved = target;
        }
        return target;
    }

    /** Runs its task, then the task that task made ready here, if any, and so on. */
    private final class Worker implements Runnable {
        private final VirtualThreadTaskDispatcherAdapter owner = VirtualThreadTaskDispatcherAdapter.this;
        private @Nullable TaskAssignment next;

        Worker(TaskAssignment first) {
            this.next = first;
        }

        @Override
        public void run() {
            CURRENT.set(this);
            try {
                TaskAssignment assignment;
                while ((assignment = next) != null) {
                    next = null;
                    Thread.interrupted();
                    try {
                        runner().run(assignment);
                    } catch (RuntimeException | Error e) {
                        LOG.log(Level.SEVERE, "task " + assignment.task() + " could not be run", e);
                    }
                }
            } finally {
                CURRENT.remove();
            }
        }
    }

    @Override
    public void dispatchAfter(TaskAssignment assignment, Duration delay) {
        delays.schedule(() -> dispatch(assignment), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        delays.shutdownNow();
        workers.shutdownNow();
    }
}
