package io.weatherstation.catalog.application;

/** No node type of this name is registered on this station. */
public final class NodeTypeNotFoundException extends RuntimeException {

    private final String nodeType;

    public NodeTypeNotFoundException(String nodeType) {
        super("node type '" + nodeType + "' is not registered");
        this.nodeType = nodeType;
    }

    public String nodeType() {
        return nodeType;
    }
}
