package io.weatherstation.execution.adapter.out.amqp;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Consumes with manual acknowledgements: a delivery is decoded on the consumer thread, handled on
 * a virtual thread, and acknowledged only after the handler returned, so a worker that dies
 * mid-way leaves its deliveries unacknowledged and the broker hands them to another consumer.
 * The prefetch count of the container bounds how many deliveries are handled at once.
 *
 * <p>A handler that throws gets its delivery handed back after a backoff that doubles with every
 * earlier delivery of the message (quorum queues count them in {@code x-delivery-count}); past
 * the queue's delivery limit the broker dead-letters it. A message that cannot be decoded is
 * rejected at once, without requeueing, and so dead-lettered on its first delivery.
 */
abstract class ManualAckListener implements ChannelAwareMessageListener {

    private static final Logger LOG = Logger.getLogger(ManualAckListener.class.getName());
    static final String DELIVERY_COUNT = "x-delivery-count";

    private final Executor executor;
    private final Duration backoff;
    private final Duration maxBackoff;

    ManualAckListener(Executor executor, Duration backoff, Duration maxBackoff) {
        this.executor = executor;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Reads the delivery into the work to do.
     *
     * @throws IllegalArgumentException when the message is malformed (it is rejected, not retried)
     */
    abstract Runnable decode(Message message);

    /** What the log calls a delivery of this listener, e.g. "signal flow.f.component.0…". */
    abstract String describe(Message message);

    @Override
    public void onMessage(Message message, Channel channel) {
        long tag = message.getMessageProperties().getDeliveryTag();
        Runnable work;
        try {
            work = decode(message);
        } catch (RuntimeException malformed) {
            LOG.log(Level.SEVERE, "rejecting malformed " + describe(message) + " without requeueing: "
                    + malformed.getMessage());
            settle(channel, tag, Settlement.REJECT, message);
            return;
        }
        try {
            executor.execute(() -> handle(message, channel, tag, work));
        } catch (RejectedExecutionException shuttingDown) {
            // Left unacknowledged: the broker hands it out again when this consumer's channel closes.
            LOG.fine(() -> "not handling " + describe(message) + ": shutting down");
        }
    }

    private void handle(Message message, Channel channel, long tag, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            long deliveries = deliveryCount(message.getMessageProperties());
            Duration wait = backoffAfter(deliveries);
            LOG.log(Level.WARNING, describe(message) + " failed on delivery " + (deliveries + 1) + "; handing it back in "
                    + wait.toMillis() + " ms", e);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            settle(channel, tag, Settlement.REQUEUE, message);
            return;
        }
        settle(channel, tag, Settlement.ACK, message);
    }

    Duration backoffAfter(long earlierDeliveries) {
        long factor = 1L << Math.min(earlierDeliveries, 20);
        Duration wait = backoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Earlier deliveries of this message that were not acknowledged (0 on the first delivery). */
    static long deliveryCount(MessageProperties properties) {
        Object count = properties.getHeaders().get(DELIVERY_COUNT);
        return count instanceof Number number ? number.longValue() : 0;
    }

    private enum Settlement { ACK, REQUEUE, REJECT }

    private void settle(Channel channel, long tag, Settlement settlement, Message message) {
        try {
            switch (settlement) {
                case ACK -> channel.basicAck(tag, false);
                case REQUEUE -> channel.basicNack(tag, false, true);
                case REJECT -> channel.basicReject(tag, false);
            }
        } catch (IOException | RuntimeException e) {
            // The channel closed under the handler (connection lost, consumer stopped): the broker
            // already handed the delivery back and will deliver it again.
            LOG.log(Level.INFO, "could not " + settlement.name().toLowerCase(java.util.Locale.ROOT) + " "
                    + describe(message) + " (" + messageOf(e) + "); it will be delivered again");
        }
    }

    private static @Nullable String messageOf(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
