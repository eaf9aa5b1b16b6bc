package io.weatherstation.catalog.application.spi;

/**
 * A node type's behaviour. One instance serves every task of its type, possibly concurrently:
 * implementations keep no per-task state in fields; everything a task needs comes through the
 * {@link NodeContext}.
 */
public interface Node {

    /**
     * Runs one task. Returns the values per output handle (a handle without a value skips the
     * edges from it) or a request to stop the component for this cycle. Throwing marks the
     * attempt failed; the engine retries per the node's retry policy.
     */
    NodeResult execute(NodeContext context) throws Exception;
}
