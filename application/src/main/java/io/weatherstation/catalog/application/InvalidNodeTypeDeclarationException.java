package io.weatherstation.catalog.application;

/** A node class declares itself inconsistently; the station refuses to start with it. */
public final class InvalidNodeTypeDeclarationException extends RuntimeException {

    public InvalidNodeTypeDeclarationException(String message) {
        super(message);
    }
}
