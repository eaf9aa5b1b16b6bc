package io.weatherstation.execution.adapter.out.amqp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.HeadersExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The exchanges, queues and bindings of the transport (ADR 0010). Every instance declares all of
 * them at start-up (declarations are idempotent), so a queue exists before anything is published
 * to it, whichever instance starts first.
 */
final class AmqpTopology {

    /** Every data signal key, named or wildcard (14 words); stop keys (6 words) do not match. */
    static final String ALL_DATA_SIGNALS = "flow.*.component.*.cycle.*.from.*.handle.*.to.*.handle.*";
    /** Every stop key: {@code flow.{flow_id}.signal.STOP_EXECUTION.cycle.{cycle}}. */
    static final String ALL_STOPS = "flow.*.signal.STOP_EXECUTION.cycle.*";
    /** Routing keys of {@code station.dead-letter}. */
    static final String DEAD_SIGNALS = "signals";
    static final String DEAD_TASKS = "tasks";
    /** The header that routes a delayed task to the retry queue of its delay. */
    static final String DELAY_HEADER = "station-delay-ms";

    private static final long MAX_DEAD_SIGNALS = 100_000;
    /** How long a retry queue outlives its last use before the broker deletes it. */
    private static final Duration RETRY_QUEUE_GRACE = Duration.ofMinutes(1);

    private final AmqpProperties properties;
    private final Queue stopQueue;

    AmqpTopology(AmqpProperties properties) {
        this.properties = properties;
        this.stopQueue = new AnonymousQueue(new Base64UrlNamingStrategy(properties.stopQueuePrefix()));
    }

    AmqpProperties properties() {
        return properties;
    }

    String taskQueueName(String nodeType) {
        return properties.taskQueuePrefix() + nodeType;
    }

    String retryQueueName(long delayMillis) {
        return properties.retryQueuePrefix() + delayMillis;
    }

    String stopQueueName() {
        return stopQueue.getName();
    }

    /**
     * Everything declared at start-up: the signal bus and its shared queue, this instance's stop
     * queue, the task exchange with the queues of {@code nodeTypes}, the retry exchange and the
     * dead letters.
     *
     * @throws IllegalStateException when a node type's queue name would be one of the station's
     *                               own queues
     */
    Declarables declarables(Collection<String> nodeTypes) {
        TopicExchange signals = new TopicExchange(properties.signalsExchange(), true, false);
        DirectExchange deadLetters = new DirectExchange(properties.deadLetterExchange(), true, false);
        Queue signalQueue = signalQueue();
        Queue deadSignals = QueueBuilder.durable(properties.signalsDeadQueue()).quorum()
                .ttl(Math.toIntExact(properties.deadLetterRetention().toMillis()))
                .maxLength(MAX_DEAD_SIGNALS)
                .build();
        Queue deadTasks = QueueBuilder.durable(properties.tasksDeadQueue()).quorum().build();
        List<Declarable> declarables = new ArrayList<>(List.of(
                signals, deadLetters, signalQueue, deadSignals, deadTasks, stopQueue,
                BindingBuilder.bind(signalQueue).to(signals).with(ALL_DATA_SIGNALS),
                BindingBuilder.bind(stopQueue).to(signals).with(ALL_STOPS),
                BindingBuilder.bind(deadSignals).to(deadLetters).with(DEAD_SIGNALS),
                BindingBuilder.bind(deadTasks).to(deadLetters).with(DEAD_TASKS),
                tasksExchange(),
                retryExchange()));
        List<String> reserved = List.of(properties.signalsQueue(), properties.signalsDeadQueue(),
                properties.tasksDeadQueue());
        for (String type : nodeTypes) {
            Queue queue = taskQueue(type);
            if (reserved.contains(queue.getName())) {
                throw new IllegalStateException("node type " + type + " would be consumed from " + queue.getName()
                        + ", which is a queue of the station itself: change station.amqp.task-queue-prefix");
            }
            declarables.add(queue);
            declarables.add(taskBinding(queue, type));
        }
        return new Declarables(declarables);
    }

    DirectExchange tasksExchange() {
        return new DirectExchange(properties.tasksExchange(), true, false);
    }

    HeadersExchange retryExchange() {
        return new HeadersExchange(properties.retryExchange(), true, false);
    }

    /** The one queue of every data signal, shared by all instances (competing consumers). */
    Queue signalQueue() {
        return QueueBuilder.durable(properties.signalsQueue()).quorum()
                .deliveryLimit(properties.deliveryLimit())
                .deadLetterExchange(properties.deadLetterExchange())
                .deadLetterRoutingKey(DEAD_SIGNALS)
                .overflow(QueueBuilder.Overflow.rejectPublish)
                .withArgument("x-dead-letter-strategy", "at-least-once")
                .build();
    }

    /** The queue of one node type's tasks, consumed by every instance that supports the type. */
    Queue taskQueue(String nodeType) {
        return QueueBuilder.durable(taskQueueName(nodeType)).quorum()
                .deliveryLimit(properties.deliveryLimit())
                .deadLetterExchange(properties.deadLetterExchange())
                .deadLetterRoutingKey(DEAD_TASKS)
                .overflow(QueueBuilder.Overflow.rejectPublish)
                .withArgument("x-dead-letter-strategy", "at-least-once")
                .build();
    }

    Binding taskBinding(Queue queue, String nodeType) {
        return new Binding(queue.getName(), Binding.DestinationType.QUEUE, properties.tasksExchange(), nodeType, null);
    }

    /**
     * The retry queue of one delay: every message in it has the same time to live, so messages
     * expire in the order they arrived and none waits behind a longer delay. Expired messages
     * are dead-lettered to the task exchange under their original routing key, the node type.
     * Unused for its delay plus a minute, the broker deletes it.
     */
    Queue retryQueue(long delayMillis) {
        return QueueBuilder.durable(retryQueueName(delayMillis))
                .ttl(Math.toIntExact(delayMillis))
                .expires(Math.toIntExact(delayMillis + RETRY_QUEUE_GRACE.toMillis()))
                .deadLetterExchange(properties.tasksExchange())
                .build();
    }

    Binding retryBinding(Queue queue, long delayMillis) {
        return new Binding(queue.getName(), Binding.DestinationType.QUEUE, properties.retryExchange(), "",
                Map.of("x-match", "all", DELAY_HEADER, Long.toString(delayMillis)));
    }
}
