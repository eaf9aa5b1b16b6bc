package io.weatherstation.execution.application.port.in;

/** No node task has this id. */
public final class NodeTaskNotFoundException extends RuntimeException {

    public NodeTaskNotFoundException(String nodeTaskId) {
        super("node task " + nodeTaskId + " does not exist");
    }
}
