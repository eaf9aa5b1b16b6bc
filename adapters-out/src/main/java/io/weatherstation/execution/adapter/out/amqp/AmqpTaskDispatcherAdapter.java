package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.execution.application.port.out.TaskDispatcher;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Puts ready tasks on the queue of their node type ({@code station.tasks.{node_type}}), where any
 * instance supporting the type takes them. The queue of a type is declared before its first task
 * is published, so a task for a type no running instance supports waits for one instead of being
 * dropped. A delayed task goes to the retry queue of its delay and comes back to its type's queue
 * when it expires there: the delay is held by the broker, not by this instance.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class AmqpTaskDispatcherAdapter implements TaskDispatcher {

    /** RabbitMQ's TTL and queue expiry are 32-bit milliseconds; the retry queue lives a minute longer. */
    private static final long MAX_DELAY_MILLIS = Integer.MAX_VALUE - Duration.ofMinutes(2).toMillis();

    private final ConfirmedPublisher publisher;
    private final AmqpTopology topology;
    private final AmqpAdmin admin;
    private final Set<String> declaredTypes = ConcurrentHashMap.newKeySet();

    AmqpTaskDispatcherAdapter(ConfirmedPublisher publisher, AmqpTopology topology, AmqpAdmin admin) {
        this.publisher = publisher;
        this.topology = topology;
        this.admin = admin;
    }

    @Override
    public void dispatch(TaskAssignment assignment) {
        String type = assignment.nodeType();
        String exchange = topology.properties().tasksExchange();
        ensureTaskQueue(type);
        if (!publisher.send(exchange, type, taskMessage(assignment), false)) {
            // The queue was deleted behind our back: declare it again and publish once more.
            declaredTypes.remove(type);
            ensureTaskQueue(type);
            publisher.send(exchange, type, taskMessage(assignment), true);
        }
    }

    @Override
    public void dispatchAfter(TaskAssignment assignment, Duration delay) {
        long millis = Math.clamp(delay.toMillis(), 1, MAX_DELAY_MILLIS);
        ensureTaskQueue(assignment.nodeType());
        // Declared on every use: a retry queue expires when unused, and redeclaring renews it.
        Queue queue = topology.retryQueue(millis);
        declare(() -> {
            admin.declareQueue(queue);
            admin.declareBinding(topology.retryBinding(queue, millis));
        }, queue.getName());
        Message message = taskMessage(assignment);
        message.getMessageProperties().setHeader(AmqpTopology.DELAY_HEADER, Long.toString(millis));
        publisher.send(topology.properties().retryExchange(), assignment.nodeType(), message, true);
    }

    private void ensureTaskQueue(String type) {
        if (declaredTypes.contains(type)) {
            return;
        }
        Queue queue = topology.taskQueue(type);
        declare(() -> {
            admin.declareQueue(queue);
            admin.declareBinding(topology.taskBinding(queue, type));
        }, queue.getName());
        declaredTypes.add(type);
    }

    private static void declare(Runnable declaration, String queue) {
        try {
            declaration.run();
        } catch (AmqpException e) {
            throw new AmqpPublishException("could not declare queue " + queue + ": " + e.getMessage(), e, false);
        }
    }

    private static Message taskMessage(TaskAssignment assignment) {
        MessageProperties properties = ConfirmedPublisher.jsonProperties();
        properties.setType("node_task");
        return new Message(TaskMessages.encode(assignment), properties);
    }
}
