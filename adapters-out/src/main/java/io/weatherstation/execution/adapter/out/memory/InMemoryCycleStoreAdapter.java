package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Cycles and their tasks in memory. Each cycle has its own lock, so changes to one cycle's tasks
 * are serialised while different cycles proceed in parallel. Readers get copies. Memory stays
 * bounded: per flow only the last {@code retentionCycles} finished cycles are kept.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryCycleStoreAdapter implements CycleRepository, NodeTaskRepository {

    private final int retentionCycles;
    private final Map<FlowId, FlowCycles> flows = new ConcurrentHashMap<>();

    InMemoryCycleStoreAdapter(@Value("${station.state.retention-cycles:100}") int retentionCycles) {
        this.retentionCycles = retentionCycles;
    }

    // ----------------------------------------------------------------------------------- cycles

    @Override
    public void insert(Cycle cycle, Collection<NodeTask> tasks) {
        FlowCycles flow = flows.computeIfAbsent(cycle.flowId(), id -> new FlowCycles());
        CycleEntry entry = new CycleEntry(cycle.number().value(), cycle.copy(), tasks, flow.running);
        flow.add(cycle.number().value(), entry, retentionCycles);
    }

    @Override
    public Optional<Cycle> find(FlowId flowId, CycleNumber number) {
        return entry(flowId, number).map(CycleEntry::cycleSnapshot);
    }

    @Override
    public List<Cycle> findByFlow(FlowId flowId, int limit) {
        FlowCycles flow = flows.get(flowId);
        return flow == null ? List.of() : flow.newestFirst(limit).stream().map(CycleEntry::cycleSnapshot).toList();
    }

    @Override
    public List<CycleNumber> running(FlowId flowId) {
        FlowCycles flow = flows.get(flowId);
        return flow == null ? List.of() : flow.running();
    }

    @Override
    public <R> Optional<R> update(FlowId flowId, CycleNumber number, Function<Cycle, R> change) {
        Optional<CycleEntry> entry = entry(flowId, number);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(entry.get().updateCycle(change));
    }

    @Override
    public int taskFinished(FlowId flowId, CycleNumber number, NodeId nodeId) {
        return entry(flowId, number).map(e -> e.finished(nodeId)).orElse(-1);
    }

    @Override
    public void deleteFlow(FlowId flowId) {
        flows.remove(flowId);
    }

    // ------------------------------------------------------------------------------------ tasks

    @Override
    public Optional<NodeTask> find(NodeTaskId id) {
        return entry(id.flowId(), id.cycle()).flatMap(e -> e.taskSnapshot(id.nodeId()));
    }

    @Override
    public Optional<NodeTask> findByDisplayId(String displayId) {
        // Parsed rather than kept in an index that every task of every cycle would enter and leave.
        for (NodeTaskId id : NodeTaskId.readingsOf(displayId)) {
            Optional<NodeTask> task = find(id);
            if (task.isPresent()) {
                return task;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<NodeTask> findByCycle(FlowId flowId, CycleNumber cycle) {
        return entry(flowId, cycle).map(CycleEntry::taskSnapshots).orElse(List.of());
    }

    @Override
    public <R> Optional<R> update(NodeTaskId id, Function<NodeTask, R> change) {
        Optional<CycleEntry> entry = entry(id.flowId(), id.cycle());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        return entry.get().updateTask(id.nodeId(), change);
    }

    private Optional<CycleEntry> entry(FlowId flowId, CycleNumber number) {
        FlowCycles flow = flows.get(flowId);
        return flow == null ? Optional.empty() : Optional.ofNullable(flow.get(number.value()));
    }

    /**
     * The cycles of one flow, by number, and the numbers of those running (kept by the entries
     * as their cycles start and end, so asking for them does not scan the retained cycles).
     */
    private static final class FlowCycles {
        private final NavigableMap<Long, CycleEntry> cycles = new TreeMap<>();
        /** The same entries, changed with {@link #cycles} under the monitor, read without it. */
        private final Map<Long, CycleEntry> byNumber = new ConcurrentHashMap<>();
        private final NavigableSet<Long> running = new ConcurrentSkipListSet<>();

        synchronized void add(long number, CycleEntry entry, int retention) {
            cycles.put(number, entry);
            byNumber.put(number, entry);
            if (entry.isRunning()) {
                running.add(number);
            }
            if (cycles.size() > retention) {
                var iterator = cycles.entrySet().iterator();
                int excess = cycles.size() - retention;
                while (iterator.hasNext() && excess > 0) {
                    CycleEntry candidate = iterator.next().getValue();
                    if (!candidate.isRunning()) {
                        iterator.remove();
                        byNumber.remove(candidate.number);
                        excess--;
                    }
                }
            }
        }

        @Nullable CycleEntry get(long number) {
            return byNumber.get(number);
        }

        synchronized List<CycleEntry> newestFirst(int limit) {
            return cycles.descendingMap().values().stream().limit(limit).toList();
        }

        List<CycleNumber> running() {
            List<CycleNumber> numbers = new ArrayList<>(running.size());
            running.forEach(number -> numbers.add(CycleNumber.of(number)));
            return numbers;
        }
    }

    /**
     * One cycle and its tasks. The cycle and the finished count are guarded by the entry's
     * monitor; each task by its own (the set of tasks is fixed when the cycle starts), so the
     * branches of a fan-out change their tasks without waiting for each other.
     */
    private static final class CycleEntry {
        private final long number;
        private final NavigableSet<Long> flowRunning;
        private final Cycle cycle;
        /** Filled by the constructor, never changed afterwards: read without a lock. */
        private final Map<NodeId, NodeTask> tasks = new LinkedHashMap<>();
        private final Set<NodeId> finished = new HashSet<>();
        private volatile Cycle snapshot;
        private volatile boolean running;

        CycleEntry(long number, Cycle cycle, Collection<NodeTask> tasks, NavigableSet<Long> flowRunning) {
            this.number = number;
            this.flowRunning = flowRunning;
            this.cycle = cycle;
            tasks.forEach(t -> this.tasks.put(t.id().nodeId(), t.copy()));
            this.snapshot = cycle.copy();
            this.running = cycle.isRunning();
        }

        boolean isRunning() {
            return running;
        }

        /** A copy: a reader changing it must not change what other readers see. */
        Cycle cycleSnapshot() {
            return snapshot.copy();
        }

        synchronized <R> R updateCycle(Function<Cycle, R> change) {
            try {
                return change.apply(cycle);
            } finally {
                snapshot = cycle.copy();
                running = cycle.isRunning();
                if (running) {
                    flowRunning.add(number);
                } else {
                    flowRunning.remove(number);
                }
            }
        }

        <R> Optional<R> updateTask(NodeId node, Function<NodeTask, R> change) {
            NodeTask task = tasks.get(node);
            if (task == null) {
                return Optional.empty();
            }
            synchronized (task) {
                return Optional.ofNullable(change.apply(task));
            }
        }

        Optional<NodeTask> taskSnapshot(NodeId node) {
            NodeTask task = tasks.get(node);
            return task == null ? Optional.empty() : Optional.of(snapshot(task));
        }

        List<NodeTask> taskSnapshots() {
            List<NodeTask> snapshots = new ArrayList<>(tasks.size());
            for (NodeTask task : tasks.values()) {
                snapshots.add(snapshot(task));
            }
            return Collections.unmodifiableList(snapshots);
        }

        private static NodeTask snapshot(NodeTask task) {
            synchronized (task) {
                return task.copy();
            }
        }

        synchronized int finished(NodeId node) {
            if (tasks.containsKey(node)) {
                finished.add(node);
            }
            return tasks.size() - finished.size();
        }
    }
}
