package io.weatherstation.execution.application;

import io.weatherstation.execution.application.ExecuteNodeService.PreparedExecution;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.NodeExecution;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.Outcome;
import io.weatherstation.execution.application.port.in.NodeRunConflictException;
import io.weatherstation.execution.application.port.in.StartNodeRunUseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Background isolated runs, kept in this instance's memory: the latest run per id, the most
 * recent {@code capacity} ids remembered. Each run is one {@link ExecuteNodeService} execution on
 * a virtual thread, so its timeout applies and a run can never stay in progress past it.
 */
public final class NodeRunsService implements StartNodeRunUseCase {

    private final ExecuteNodeService executor;
    private final Clock clock;
    private final int capacity;
    /** The latest run per id, oldest id first; guarded by {@code this}. */
    private final Map<String, NodeRun> runs = new LinkedHashMap<>();
    /** Tells runs of the same id apart, so an older run ending never overwrites a forced newer one. */
    private final Map<String, Long> generations = new LinkedHashMap<>();
    private long generation;

    public NodeRunsService(ExecuteNodeService executor, Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.executor = executor;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public NodeRun start(StartNodeRunCommand command) {
        PreparedExecution prepared = executor.prepare(command.execution());
        Instant now = clock.instant();
        NodeRun run = new NodeRun(command.runId(), prepared.nodeType(), RunStatus.RUNNING, now, null);
        long mine;
        synchronized (this) {
            NodeRun current = runs.get(command.runId());
            if (current != null && current.inProgress() && !command.force()) {
                throw new NodeRunConflictException(current, current.elapsed(now));
            }
            mine = ++generation;
            remember(run, mine);
        }
        Thread.ofVirtual().name("node-run-" + command.runId()).start(() -> finish(run, mine, prepared));
        return run;
    }

    @Override
    public synchronized Optional<NodeRun> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    private void finish(NodeRun run, long mine, PreparedExecution prepared) {
        NodeExecution result;
        try {
            result = prepared.run();
        } catch (RuntimeException e) {
            // The executor turns a node's own failures into outcomes; this is the executor failing.
            result = new NodeExecution(run.nodeType(), Outcome.FAILED, Map.of(), null, String.valueOf(e.getMessage()),
                    List.of(), run.startedAt(), Duration.between(run.startedAt(), clock.instant()));
        }
        RunStatus status = switch (result.outcome()) {
            case COMPLETED -> RunStatus.COMPLETED;
            case FAILED -> RunStatus.FAILED;
            case STOPPED -> RunStatus.STOPPED;
        };
        NodeRun ended = new NodeRun(run.runId(), run.nodeType(), status, run.startedAt(), result);
        synchronized (this) {
            Long current = generations.get(run.runId());
            if (current != null && current == mine) {
                runs.put(run.runId(), ended);
            }
        }
    }

    private void remember(NodeRun run, long mine) {
        runs.remove(run.runId());
        generations.remove(run.runId());
        runs.put(run.runId(), run);
        generations.put(run.runId(), mine);
        while (runs.size() > capacity) {
            String eldest = runs.keySet().iterator().next();
            runs.remove(eldest);
            generations.remove(eldest);
        }
    }
}
