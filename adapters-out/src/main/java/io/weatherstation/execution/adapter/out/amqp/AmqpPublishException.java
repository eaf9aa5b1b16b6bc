package io.weatherstation.execution.adapter.out.amqp;

/**
 * The broker did not take responsibility for a message: it was unreachable, refused the message
 * (a negative publisher confirm, e.g. the exchange does not exist), could not route it, or did not
 * confirm it in time. The message may or may not have been delivered; the caller decides whether
 * to try again (signals and tasks are idempotent on the consuming side).
 */
final class AmqpPublishException extends RuntimeException {

    AmqpPublishException(String message) {
        super(message);
    }

    AmqpPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
