package io.weatherstation.execution.application;

import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.domain.LogEntry;

import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** What a running task sees, backed by the engine's ports. */
final class TaskContext implements NodeContext {

    private final NodeTaskId id;
    private final String nodeType;
    private final int attempt;
    private final Map<String, Object> config;
    private final Map<String, Object> inputs;
    private final Instant deadline;
    private final RunningTasks.Handle handle;
    private final TerminationFlags flags;
    private final NodeTaskRepository tasks;
    private final ExecutionJournalUseCase journal;
    private final Clock clock;

    TaskContext(NodeTaskId id, String nodeType, int attempt, Map<String, Object> config, Map<String, Object> inputs,
            Instant deadline, RunningTasks.Handle handle, TerminationFlags flags, NodeTaskRepository tasks,
            ExecutionJournalUseCase journal, Clock clock) {
        this.id = id;
        this.nodeType = nodeType;
        this.attempt = attempt;
        this.config = config;
        this.inputs = inputs;
        this.deadline = deadline;
        this.handle = handle;
        this.flags = flags;
        this.tasks = tasks;
        this.journal = journal;
        this.clock = clock;
    }

    @Override public String flowId() { return id.flowId().value(); }
    @Override public long cycle() { return id.cycle().value(); }
    @Override public String nodeId() { return id.nodeId().value(); }
    @Override public String nodeType() { return nodeType; }
    @Override public int attempt() { return attempt; }
    @Override public Map<String, Object> config() { return config; }
    @Override public Map<String, Object> inputs() { return inputs; }
    @Override public Instant deadline() { return deadline; }
    @Override public Instant now() { return clock.instant(); }

    @Override
    public boolean terminationRequested() {
        return handle.interruption() != null || flags.requested(id).isPresent();
    }

    @Override
    public void log(LogLevel level, String message) {
        journal.log(new LogEntry(id.flowId(), id.cycle().value(), id.nodeId(),
                io.weatherstation.journal.domain.LogLevel.valueOf(level.name()), LogSource.NODE, message,
                Map.of("node_type", nodeType), clock.instant()));
    }

    @Override
    public void reportProgress(int percent) {
        tasks.update(id, task -> {
            if (!task.isFinished()) {
                task.reportProgress(Math.max(0, Math.min(100, percent)), clock.instant());
                task.pullEvents();
            }
            return null;
        });
    }
}
