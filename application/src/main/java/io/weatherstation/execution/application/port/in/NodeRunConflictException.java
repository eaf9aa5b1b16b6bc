package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.application.port.in.StartNodeRunUseCase.NodeRun;
import java.time.Duration;

/** A background run with the same id is still in progress (the caller may force another). */
public final class NodeRunConflictException extends RuntimeException {

    private final NodeRun running;
    private final Duration elapsed;

    public NodeRunConflictException(NodeRun running, Duration elapsed) {
        super("node run " + running.runId() + " is already running (for " + elapsed.toMillis() + " ms)");
        this.running = running;
        this.elapsed = elapsed;
    }

    /** The run in progress. */
    public NodeRun running() {
        return running;
    }

    public Duration elapsed() {
        return elapsed;
    }
}
