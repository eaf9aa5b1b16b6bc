package io.weatherstation.execution.adapter.out.amqp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes one message and waits for the broker's publisher confirm: a send returns only once the
 * broker has the message (persistent messages on durable queues: written), and fails loudly
 * otherwise. Messages are published as mandatory, so an unroutable message is reported too.
 * Publishing uses its own connection, so flow control on publishers never stalls consumers.
 */
final class ConfirmedPublisher {

    private static final Logger LOG = Logger.getLogger(ConfirmedPublisher.class.getName());

    private final RabbitTemplate template;
    private final Duration confirmTimeout;
    private final int attempts;
    private final Duration retryPause;

    ConfirmedPublisher(ConnectionFactory connectionFactory, Duration confirmTimeout, int attempts, Duration retryPause) {
        if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
            throw new IllegalStateException("the RabbitMQ transport needs publisher confirms and returns: set "
                    + "spring.rabbitmq.publisher-confirm-type=correlated and spring.rabbitmq.publisher-returns=true");
        }
        this.template = new RabbitTemplate(connectionFactory);
        this.template.setMandatory(true);
        // Returns are read from each message's CorrelationData; the callback only keeps the template quiet.
        this.template.setReturnsCallback(returned -> { });
        this.template.setUsePublisherConnection(true);
        this.confirmTimeout = confirmTimeout;
        this.attempts = Math.max(1, attempts);
        this.retryPause = retryPause;
    }

    /** Properties every station message carries: JSON, persistent, a fresh message id. */
    static MessageProperties jsonProperties() {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setAppId("weather-station");
        return properties;
    }

    /**
     * Sends and waits for the confirm, trying again after a short, doubling pause when the attempt
     * failed in a way that may pass (broker unreachable, refused, no confirm in time): a broker
     * restart or a dropped connection is ridden out instead of failing the caller. A repeated
     * publish is harmless, consumers are idempotent.
     *
     * @param mustRoute true when a message no queue is bound for is an error (a signal nobody
     *                  consumes would be lost); false for broadcasts that may have no listener
     * @return true when some queue took the message, false when it was unroutable and
     *         {@code mustRoute} is false
     * @throws AmqpPublishException when the last attempt failed, or at once when the message
     *                              cannot be routed and {@code mustRoute} is set
     */
    boolean send(String exchange, String routingKey, Message message, boolean mustRoute) {
        Duration pause = retryPause;
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(exchange, routingKey, message, mustRoute, attempt);
            } catch (AmqpPublishException e) {
                if (!e.mayPass() || attempt >= attempts) {
                    throw e;
                }
                long millis = pause.toMillis();
                LOG.warning(() -> e.getMessage() + "; trying again in " + millis + " ms");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AmqpPublishException("interrupted while publishing to exchange '" + exchange + "'", e, false);
            }
            pause = pause.multipliedBy(2);
        }
    }

    /**
     * Sends several messages and waits for their confirms together, so the broker confirms them
     * in the time of about one round trip instead of one each. A message whose attempt failed in
     * a way that may pass is then sent again on its own, as {@link #send} does; the call returns
     * only once every message is confirmed.
     *
     * @throws AmqpPublishException when some message could not be published (after its own
     *                              tries), or could not be routed
     */
    void sendAll(String exchange, List<Outgoing> messages) {
        if (messages.size() == 1) {
            Outgoing only = messages.getFirst();
            send(exchange, only.routingKey(), only.message(), true);
            return;
        }
        List<InFlight> inFlight = new ArrayList<>(messages.size());
        for (Outgoing outgoing : messages) {
            inFlight.add(start(exchange, outgoing.routingKey(), outgoing.message(), "together"));
        }
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        List<Outgoing> again = new ArrayList<>();
        AmqpPublishException lastingFailure = null;
        for (int i = 0; i < inFlight.size(); i++) {
            try {
                awaitConfirm(inFlight.get(i), true, deadline);
            } catch (AmqpPublishException e) {
                if (e.mayPass()) {
                    LOG.warning(() -> e.getMessage() + "; trying again on its own");
                    again.add(messages.get(i));
                } else if (lastingFailure == null) {
                    lastingFailure = e;
                }
            }
        }
        if (lastingFailure != null) {
            throw lastingFailure;
        }
        for (Outgoing outgoing : again) {
            send(exchange, outgoing.routingKey(), outgoing.message(), true);
        }
    }

    /** A message to publish with its routing key. */
    record Outgoing(String routingKey, Message message) {
    }

    private boolean sendOnce(String exchange, String routingKey, Message message, boolean mustRoute, int attempt) {
        InFlight inFlight = start(exchange, routingKey, message, Integer.toString(attempt));
        return awaitConfirm(inFlight, mustRoute, System.nanoTime() + confirmTimeout.toNanos());
    }

    /** A published message waiting for its confirm, or the reason it could not be handed over. */
    private record InFlight(String what, CorrelationData correlation, @Nullable AmqpPublishException failed) {
    }

    private InFlight start(String exchange, String routingKey, Message message, String attempt) {
        String id = message.getMessageProperties().getMessageId();
        // Unique per attempt: returns are matched to their attempt by this id.
        CorrelationData correlation = new CorrelationData((id != null ? id : UUID.randomUUID().toString()) + "#" + attempt);
        String what = "message " + id + " to exchange '" + exchange + "' with key '" + routingKey + "'";
        try {
            template.send(exchange, routingKey, message, correlation);
        } catch (AmqpException e) {
            return new InFlight(what, correlation,
                    new AmqpPublishException("could not publish " + what + ": " + e.getMessage(), e, true));
        }
        return new InFlight(what, correlation, null);
    }

    private boolean awaitConfirm(InFlight inFlight, boolean mustRoute, long deadlineNanos) {
        AmqpPublishException failed = inFlight.failed();
        if (failed != null) {
            throw failed;
        }
        String what = inFlight.what();
        CorrelationData correlation = inFlight.correlation();
        CorrelationData.Confirm confirm;
        try {
            confirm = correlation.getFuture().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AmqpPublishException("the broker did not confirm " + what + " within " + confirmTimeout, e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpPublishException("interrupted while waiting for the confirm of " + what, e, false);
        } catch (ExecutionException e) {
            throw new AmqpPublishException("could not publish " + what + ": " + e.getCause(), e.getCause(), true);
        }
        if (!confirm.isAck()) {
            String reason = String.valueOf(confirm.getReason());
            throw new AmqpPublishException("the broker refused " + what + ": " + reason
                    + (reason.contains("Channel closed")
                            ? " (the broker closes the channel on a publishing error, e.g. a missing exchange;"
                                    + " the connection factory logs the broker's reply)"
                            : ""), null, true);
        }
        ReturnedMessage returned = correlation.getReturned();
        if (returned != null) {
            if (mustRoute) {
                throw new AmqpPublishException("no queue is bound for " + what + " (" + returned.getReplyCode() + " "
                        + returned.getReplyText() + ")", null, false);
            }
            return false;
        }
        return true;
    }
}
