package io.weatherstation.execution.adapter.out.amqp;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
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

    private boolean sendOnce(String exchange, String routingKey, Message message, boolean mustRoute, int attempt) {
        String id = message.getMessageProperties().getMessageId();
        // Unique per attempt: returns are matched to their attempt by this id.
        CorrelationData correlation = new CorrelationData((id != null ? id : UUID.randomUUID().toString()) + "#" + attempt);
        String what = "message " + id + " to exchange '" + exchange + "' with key '" + routingKey + "'";
        try {
            template.send(exchange, routingKey, message, correlation);
        } catch (AmqpException e) {
            throw new AmqpPublishException("could not publish " + what + ": " + e.getMessage(), e, true);
        }
        CorrelationData.Confirm confirm;
        try {
            confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
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
