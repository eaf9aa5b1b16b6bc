package io.weatherstation.execution.application;

import io.weatherstation.catalog.application.spi.NodeContext;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase.LogLine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a node sees when it runs in isolation: no flow, cycle {@code -1}, one attempt; its log
 * lines are collected for the response instead of going to the journal.
 */
final class IsolatedNodeContext implements NodeContext {

    /** The flow id an isolated node sees; not a registered flow. */
    static final String NO_FLOW = "isolated";
    private static final int MAX_LOG_LINES = 1_000;

    private final String nodeId;
    private final String nodeType;
    private final Map<String, Object> config;
    private final Map<String, Object> inputs;
    private final Instant deadline;
    private final Clock clock;
    private final List<LogLine> logs = new ArrayList<>();
    private int droppedLines;
    private volatile boolean interrupted;

    IsolatedNodeContext(String nodeId, String nodeType, Map<String, Object> config, Map<String, Object> inputs,
            Instant deadline, Clock clock) {
        this.nodeId = nodeId;
        this.nodeType = nodeType;
        this.config = config;
        this.inputs = inputs;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override public String flowId() { return NO_FLOW; }
    @Override public long cycle() { return -1; }
    @Override public String nodeId() { return nodeId; }
    @Override public String nodeType() { return nodeType; }
    @Override public int attempt() { return 1; }
    @Override public Map<String, Object> config() { return config; }
    @Override public Map<String, Object> inputs() { return inputs; }
    @Override public Instant deadline() { return deadline; }
    @Override public Instant now() { return clock.instant(); }

    @Override
    public boolean terminationRequested() {
        return interrupted;
    }

    /** The timeout ran out: the node should end now. */
    void interrupted() {
        interrupted = true;
    }

    @Override
    public synchronized void log(LogLevel level, String message) {
        if (logs.size() < MAX_LOG_LINES) {
            logs.add(new LogLine(clock.instant(), level.name(), message));
        } else {
            droppedLines++;
        }
    }

    @Override
    public void reportProgress(int percent) {
        // Nobody follows an isolated execution's progress: the response comes when it ends.
    }

    /** The lines logged so far, oldest first (with a final note when some were dropped). */
    synchronized List<LogLine> logs() {
        if (droppedLines == 0) {
            return List.copyOf(logs);
        }
        List<LogLine> all = new ArrayList<>(logs);
        all.add(new LogLine(clock.instant(), LogLevel.WARNING.name(), droppedLines + " more line(s) were dropped"));
        return all;
    }
}
