package io.weatherstation.signaling.domain;

/** A signal document or payload does not have the shape the signal contract requires. */
public final class MalformedSignalException extends IllegalArgumentException {

    public MalformedSignalException(String message) {
        super(message);
    }

    public MalformedSignalException(String message, Throwable cause) {
        super(message, cause);
    }
}
