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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Runs every dispatched task on its own virtual thread in this process. */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class VirtualThreadTaskDispatcherAdapter implements TaskDispatcher, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VirtualThreadTaskDispatcherAdapter.class.getName());

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
        RunNodeTaskUseCase target = resolved;
        if (target == null) {
            target = runner.getObject();
            resolved = target;
        }
        RunNodeTaskUseCase run = target;
        workers.execute(() -> {
            try {
                run.run(assignment);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "task " + assignment.task() + " could not be run", e);
            }
        });
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
