package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.domain.EdgeKey;
import io.weatherstation.execution.domain.NodeInputWiring;
import io.weatherstation.execution.domain.ReadinessTracker;
import io.weatherstation.execution.domain.ReadinessVerdict;
import io.weatherstation.execution.domain.SkipReason;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.signaling.domain.Signal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Inboxes in memory: one {@link ReadinessTracker} per task, each used under its own monitor. */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryTaskInboxAdapter implements TaskInbox {

    private final Map<CycleKey, Map<NodeId, ReadinessTracker>> inboxes = new ConcurrentHashMap<>();

    @Override
    public ReadinessVerdict deliver(NodeTaskId task, NodeInputWiring wiring, EdgeKey edge, @Nullable HandleName handle,
            Signal signal) {
        ReadinessTracker tracker = tracker(task, wiring);
        synchronized (tracker) {
            if (handle == null) {
                tracker.recordWildcardSignal(edge, signal);
            } else {
                tracker.recordSignal(handle, edge, signal);
            }
            return tracker.evaluate();
        }
    }

    @Override
    public ReadinessVerdict skip(NodeTaskId task, NodeInputWiring wiring, EdgeKey edge, SkipReason reason) {
        ReadinessTracker tracker = tracker(task, wiring);
        synchronized (tracker) {
            tracker.recordSkip(edge, reason);
            return tracker.evaluate();
        }
    }

    private ReadinessTracker tracker(NodeTaskId task, NodeInputWiring wiring) {
        return inboxes.computeIfAbsent(new CycleKey(task.flowId(), task.cycle().value()), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(task.nodeId(), n -> ReadinessTracker.forInputs(wiring));
    }

    @Override
    public void forgetCycle(FlowId flowId, CycleNumber cycle) {
        inboxes.remove(new CycleKey(flowId, cycle.value()));
    }

    @Override
    public void forgetFlow(FlowId flowId) {
        inboxes.keySet().removeIf(key -> key.flowId().equals(flowId));
    }

    private record CycleKey(FlowId flowId, long cycle) {
    }
}
