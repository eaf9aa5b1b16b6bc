package io.weatherstation.catalog.application.spi;

/** A node's own, expected failure with a message meant for the user (bad input, remote error). */
public class NodeExecutionException extends Exception {

    public NodeExecutionException(String message) {
        super(message);
    }

    public NodeExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
