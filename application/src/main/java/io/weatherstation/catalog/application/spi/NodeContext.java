package io.weatherstation.catalog.application.spi;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a running task sees: its identity, resolved parameters, inputs and the engine's services. */
public interface NodeContext {

    String flowId();

    /** The cycle number; negative for isolated node executions outside any flow. */
    long cycle();

    String nodeId();

    String nodeType();

    /** 1 for the first attempt, 2 for the first retry, … */
    int attempt();

    /** Parameters after defaults were merged and values coerced to their declared types. */
    Map<String, Object> config();

    /** Inputs per connected input handle; an aggregate handle's value is a map keyed by source. */
    Map<String, Object> inputs();

    default @Nullable Object input(String handle) {
        return inputs().get(handle);
    }

    default @Nullable Object param(String name) {
        return config().get(name);
    }

    /** True once a user asked to terminate this task (or its flow with termination). */
    boolean terminationRequested();

    /** When the task's timeout runs out. */
    Instant deadline();

    Instant now();

    void log(LogLevel level, String message);

    default void info(String message) {
        log(LogLevel.INFO, message);
    }

    void reportProgress(int percent);

    enum LogLevel { DEBUG, INFO, WARNING, ERROR }
}
