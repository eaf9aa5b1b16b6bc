package io.weatherstation.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Weather Syntax documents for the API tests, built from the built-in node types. */
public final class Flows {

    private Flows() {
    }

    /** constant → condition (close > open) → code on {@code true}; another code on {@code false} (skipped). */
    public static Map<String, Object> branching() {
        return Map.of(
                "name", "branching",
                "interval", 0,
                "nodes", List.of(
                        node("a", "constant_node", Map.of("values", Map.of("open", 1, "close", 2))),
                        node("b", "condition_node", Map.of("expression", "input.close > input.open")),
                        node("c", "code_node", Map.of("expression", "{'x': input['true'].close * 10}")),
                        node("d", "code_node", Map.of("expression", "{'never': true}"))),
                "edges", List.of(
                        edge("a", "output", "b", "input"),
                        edge("b", "true", "c", "input_data"),
                        edge("b", "false", "d", "input_data")));
    }

    /** One constant node. */
    public static Map<String, Object> single(String name) {
        return Map.of("name", name, "nodes", List.of(node("only", "constant_node", Map.of("values", Map.of("v", 1)))));
    }

    /** One delay node that takes {@code seconds}; at most one cycle at a time. */
    public static Map<String, Object> slow(double seconds) {
        return Map.of("name", "slow", "max_concurrent_cycles", 1,
                "nodes", List.of(node("wait", "delay_node", Map.of("seconds", seconds))));
    }

    /** One constant node every hour: once started it stays running until stopped. */
    public static Map<String, Object> hourly() {
        return Map.of("name", "hourly", "interval", 3600,
                "nodes", List.of(node("tick", "constant_node", Map.of("values", Map.of("t", 1)))));
    }

    /** A delay node of {@code seconds} feeding a relay (a fail_node that succeeds), which waits registered meanwhile. */
    public static Map<String, Object> slowThenRelay(double seconds) {
        return Map.of("name", "slow-then-relay",
                "nodes", List.of(node("wait", "delay_node", Map.of("seconds", seconds)),
                        node("after", "fail_node", Map.of("succeed_on_attempt", 1))),
                "edges", List.of(edge("wait", "output", "after", "input")));
    }

    public static Map<String, Object> node(String id, String type, Map<String, ?> config) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("type", type);
        node.put("config", config);
        return node;
    }

    public static Map<String, Object> edge(String source, String sourceHandle, String target, String targetHandle) {
        return Map.of("source", source, "source_handle", sourceHandle, "target", target, "target_handle", targetHandle);
    }
}
