package io.weatherstation.execution.application;

import io.weatherstation.execution.application.port.out.ParkedTasks;
import io.weatherstation.execution.application.port.out.PartialRuns;
import io.weatherstation.execution.application.port.out.PauseRegistry;
import io.weatherstation.execution.domain.PartialRun;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseState;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine asks about operator controls while it runs tasks: whether a pause holds a task
 * that is about to start, whether the flow is paused when a cycle is due, and the inputs supplied
 * to a partial run's boundary handles. Also where held tasks are parked.
 */
public final class ExecutionControls {

    private static final int MAX_CACHED_RUNS = 1_024;

    private final PauseRegistry pauses;
    private final ParkedTasks parked;
    private final PartialRuns partialRuns;
    /** Partial runs never change once started: cached per instance for their input lookups. */
    private final Map<RunKey, PartialRun> runs = new ConcurrentHashMap<>();

    public ExecutionControls(PauseRegistry pauses, ParkedTasks parked, PartialRuns partialRuns) {
        this.pauses = pauses;
        this.parked = parked;
        this.partialRuns = partialRuns;
    }

    PauseRegistry pauses() {
        return pauses;
    }

    ParkedTasks parked() {
        return parked;
    }

    PartialRuns partialRuns() {
        return partialRuns;
    }

    /** The pause that holds this task if it were to start now, if any. */
    Optional<Pause> holding(NodeTaskId task) {
        return holding(task, pauses.state(task.flowId()));
    }

    /** The pause of {@code state} (the flow's pauses, as just read) that holds this task, if any. */
    Optional<Pause> holding(NodeTaskId task, PauseState state) {
        return state.isEmpty() ? Optional.empty()
                : state.holding(task.nodeId(), PartialRunId.isPartialRun(task.cycle()));
    }

    boolean isFlowPaused(FlowId flowId) {
        return pauses.state(flowId).isFlowPaused();
    }

    /**
     * The task's inputs with the values supplied to its partial run's boundary handles added: a
     * handle that received nothing gets the supplied payload; an aggregate handle that also has
     * edges inside the run gets the supplied entries merged in.
     */
    Map<String, Object> withSuppliedInputs(NodeTaskId task, Map<String, Object> inputs) {
        if (!PartialRunId.isPartialRun(task.cycle())) {
            return inputs;
        }
        Optional<PartialRun> run = partialRun(task.flowId(), PartialRunId.ofCycle(task.cycle()));
        if (run.isEmpty() || run.get().inputs().isEmpty()) {
            return inputs;
        }
        Map<String, Object> supplied = run.get().inputsOf(task.nodeId());
        if (supplied.isEmpty()) {
            return inputs;
        }
        Map<String, Object> merged = new LinkedHashMap<>(inputs);
        supplied.forEach((handle, payload) -> merged.merge(handle, payload, (arrived, given) -> {
            if (arrived instanceof Map<?, ?> a && given instanceof Map<?, ?> g) {
                Map<Object, Object> both = new LinkedHashMap<>(a);
                both.putAll(g);
                return both;
            }
            return given;
        }));
        return merged;
    }

    Optional<PartialRun> partialRun(FlowId flowId, PartialRunId id) {
        RunKey key = new RunKey(flowId, id);
        PartialRun cached = runs.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PartialRun> found = partialRuns.find(flowId, id);
        found.ifPresent(run -> {
            if (runs.size() >= MAX_CACHED_RUNS) {
                runs.clear();
            }
            runs.put(key, run);
        });
        return found;
    }

    void forgetFlow(FlowId flowId) {
        pauses.forgetFlow(flowId);
        parked.forgetFlow(flowId);
        partialRuns.forgetFlow(flowId);
        runs.keySet().removeIf(key -> key.flowId().equals(flowId));
    }

    private record RunKey(FlowId flowId, PartialRunId id) {
    }
}
