package io.weatherstation.execution.support;

import io.weatherstation.catalog.application.spi.NodeContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the test node types executed, per flow, cycle and node. Flow ids are unique per test. */
public final class Executions {

    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Object>> INPUTS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Object>> CONFIGS = new ConcurrentHashMap<>();

    private Executions() {
    }

    static void record(NodeContext context) {
        String key = key(context.flowId(), context.cycle(), context.nodeId());
        COUNTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        INPUTS.put(key, context.inputs());
        CONFIGS.put(key, context.config());
    }

    /** How many times the node ran (to the end) in that cycle. */
    public static int count(String flowId, long cycle, String nodeId) {
        AtomicInteger count = COUNTS.get(key(flowId, cycle, nodeId));
        return count == null ? 0 : count.get();
    }

    /** The inputs the node's last run in that cycle saw. */
    public static Map<String, Object> inputs(String flowId, long cycle, String nodeId) {
        return INPUTS.getOrDefault(key(flowId, cycle, nodeId), Map.of());
    }

    /** The value one input handle of the node received in its last run in that cycle (a map). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> input(String flowId, long cycle, String nodeId, String handle) {
        return (Map<String, Object>) inputs(flowId, cycle, nodeId).getOrDefault(handle, Map.of());
    }

    public static Map<String, Object> config(String flowId, long cycle, String nodeId) {
        return CONFIGS.getOrDefault(key(flowId, cycle, nodeId), Map.of());
    }

    /** Runs recorded for the flow, all cycles and nodes together. */
    public static int total(String flowId) {
        String prefix = flowId + "|";
        return COUNTS.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private static String key(String flowId, long cycle, String nodeId) {
        return flowId + "|" + cycle + "|" + nodeId;
    }
}
