package io.weatherstation.flow.adapter.out;

import io.weatherstation.flow.domain.DirectedEdge;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.FlowStructure;
import io.weatherstation.flow.domain.StructureAnalyzer;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flows for adapter tests, over the fixture catalog ({@code io.weatherstation.testing.FixtureNodeTypes}). */
public final class FlowFixtures {

    /** The secret in the documents below, in clear: it must never be found in storage. */
    public static final String SECRET = "tok-3f9c1b7e-very-secret";
    /** The secret given through the editor's {@code data.inputs} form. */
    public static final String EDITOR_SECRET = "editor-secret-5d2a";

    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private FlowFixtures() {
    }

    /**
     * {@code src (source) → snk (sink)}, {@code keep} (params, secret token in config) and
     * {@code side} (params, secret token in the editor's data.inputs): three components.
     */
    public static Map<String, Object> document(String name) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", name);
        document.put("interval", 60);
        List<Object> nodes = new ArrayList<>();
        nodes.add(node("src", "source", Map.of("symbol", "BTCUSDT", "limit", 20)));
        nodes.add(node("snk", "sink", Map.of("ratio", new BigDecimal("0.5"))));
        Map<String, Object> keepConfig = new LinkedHashMap<>();
        keepConfig.put("token", SECRET);
        keepConfig.put("amount", new BigDecimal("0.015"));
        keepConfig.put("text", "visible");
        nodes.add(node("keep", "params", keepConfig));
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("id", "side");
        side.put("type", "params");
        side.put("data", Map.of("label", "Side", "inputs", List.of(
                Map.of("id", "token", "value", EDITOR_SECRET),
                Map.of("id", "text", "value", "shown"),
                Map.of("id", "out", "type", "handle"))));
        side.put("position", Map.of("x", 10, "y", 20));
        nodes.add(side);
        document.put("nodes", nodes);
        List<Object> edges = new ArrayList<>();
        edges.add(Map.of("source", "src", "source_handle", "out", "target", "snk", "target_handle", "in"));
        document.put("edges", edges);
        return document;
    }

    public static FlowStructure structure() {
        return StructureAnalyzer.analyze(List.of(NodeId.of("src"), NodeId.of("snk"), NodeId.of("keep"), NodeId.of("side")),
                List.of(new DirectedEdge(NodeId.of("src"), NodeId.of("snk"))));
    }

    public static Flow registered(String id, Instant at) {
        Flow flow = Flow.register(FlowId.of(id), document("flow " + id), structure(), at);
        flow.pullEvents();
        return flow;
    }

    private static Map<String, Object> node(String id, String type, Map<String, Object> config) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("type", type);
        node.put("config", config);
        return node;
    }
}
