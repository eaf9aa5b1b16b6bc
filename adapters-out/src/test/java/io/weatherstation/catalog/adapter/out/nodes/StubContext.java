package io.weatherstation.catalog.adapter.out.nodes;

import io.weatherstation.catalog.application.spi.NodeContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A node context with fixed inputs and config; records log lines. */
record StubContext(Map<String, Object> config, Map<String, Object> inputs, int attempt, List<String> logs)
        implements NodeContext {

    StubContext(Map<String, Object> config, Map<String, Object> inputs) {
        this(config, inputs, 1, new ArrayList<>());
    }

    StubContext withAttempt(int attempt) {
        return new StubContext(config, inputs, attempt, logs);
    }

    @Override public String flowId() { return "flow"; }
    @Override public long cycle() { return 0; }
    @Override public String nodeId() { return "node"; }
    @Override public String nodeType() { return "test"; }
    @Override public boolean terminationRequested() { return false; }
    @Override public Instant deadline() { return Instant.MAX; }
    @Override public Instant now() { return Instant.EPOCH; }
    @Override public void log(LogLevel level, String message) { logs.add(level + " " + message); }
    @Override public void reportProgress(int percent) { }
}
