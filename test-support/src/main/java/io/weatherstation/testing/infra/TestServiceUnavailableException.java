package io.weatherstation.testing.infra;

/**
 * A service the tests need is not running. The message says which one and how to start it; tests
 * let it fail them rather than skip.
 */
public final class TestServiceUnavailableException extends IllegalStateException {

    public TestServiceUnavailableException(String message) {
        super(message);
    }
}
