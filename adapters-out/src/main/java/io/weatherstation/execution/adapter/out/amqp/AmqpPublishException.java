package io.weatherstation.execution.adapter.out.amqp;

import org.jspecify.annotations.Nullable;

/**
 * The broker did not take responsibility for a message: it was unreachable, refused the message
 * (a negative publisher confirm, e.g. the exchange does not exist), could not route it, or did not
 * confirm it in time. The message may or may not have been delivered; the caller decides whether
 * to try again (signals and tasks are idempotent on the consuming side).
 */
final class AmqpPublishException extends RuntimeException {

    private final boolean mayPass;

    AmqpPublishException(String message) {
        this(message, null, false);
    }

    /** @param mayPass true when trying the same publish again may succeed */
    AmqpPublishException(String message, @Nullable Throwable cause, boolean mayPass) {
        super(message, cause);
        this.mayPass = mayPass;
    }

    boolean mayPass() {
        return mayPass;
    }
}
