package io.weatherstation.execution.adapter.out.amqp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Names and tuning of the RabbitMQ transport ({@code station.amqp.*}). Only
 * {@code signals-exchange} is part of the public contract (SPEC §7); the other names are the
 * station's own and can be changed, e.g. to give a test run its own queues on a shared broker.
 *
 * @param deliveryLimit        {@code x-delivery-limit} of the signal and task queues: deliveries
 *                             that end without an ack (an exception, a dead worker) before the
 *                             message is dead-lettered
 * @param publishAttempts      tries of one publish before the caller gets an exception; the pause
 *                             between tries starts at {@code publishRetryPause} and doubles (by
 *                             default about 4 s in all, enough for a dropped connection)
 * @param redeliveryBackoff    wait before handing back a delivery that failed with an exception,
 *                             doubled for every earlier delivery of the message, at most
 *                             {@code maxRedeliveryBackoff}; spreads the allowed deliveries over a
 *                             short outage of the state store instead of burning them at once
 * @param deadLetterRetention  how long dead signals stay in their queue for inspection
 * @param autoStartup          false leaves the listener containers stopped until started
 *                             explicitly (a publish-only instance, tests)
 */
@ConfigurationProperties("station.amqp")
record AmqpProperties(
        @DefaultValue("signals_exchange") String signalsExchange,
        @DefaultValue("station.signals") String signalsQueue,
        @DefaultValue("station.signals.dead") String signalsDeadQueue,
        @DefaultValue("station.stops.") String stopQueuePrefix,
        @DefaultValue("station.tasks") String tasksExchange,
        @DefaultValue("station.tasks.") String taskQueuePrefix,
        @DefaultValue("station.tasks.dead") String tasksDeadQueue,
        @DefaultValue("station.tasks.retry") String retryExchange,
        @DefaultValue("station.tasks.retry.") String retryQueuePrefix,
        @DefaultValue("station.dead-letter") String deadLetterExchange,
        @DefaultValue("5") int deliveryLimit,
        @DefaultValue("64") int signalPrefetch,
        @DefaultValue("32") int taskPrefetch,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("5") int publishAttempts,
        @DefaultValue("250ms") Duration publishRetryPause,
        @DefaultValue("1s") Duration redeliveryBackoff,
        @DefaultValue("30s") Duration maxRedeliveryBackoff,
        @DefaultValue("7d") Duration deadLetterRetention,
        @DefaultValue("true") boolean autoStartup) {

    AmqpProperties {
        if (deliveryLimit < 1) {
            throw new IllegalArgumentException("station.amqp.delivery-limit must be >= 1 (was " + deliveryLimit + ")");
        }
        if (signalPrefetch < 1 || taskPrefetch < 1) {
            throw new IllegalArgumentException("station.amqp prefetch counts must be >= 1");
        }
    }
}
