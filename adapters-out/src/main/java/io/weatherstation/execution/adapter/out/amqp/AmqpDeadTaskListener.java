package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.execution.application.port.in.FailNodeTaskUseCase;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Consumes dead task messages: a task whose deliveries kept failing (it crashed every worker that
 * took it, or the state store stayed unreachable) is failed, so its downstream is skipped and its
 * cycle finishes instead of waiting forever.
 */
final class AmqpDeadTaskListener extends ManualAckListener {

    private static final Logger LOG = Logger.getLogger(AmqpDeadTaskListener.class.getName());

    private final ObjectProvider<FailNodeTaskUseCase> failer;
    private final int deliveryLimit;

    AmqpDeadTaskListener(ObjectProvider<FailNodeTaskUseCase> failer, int deliveryLimit, Executor executor,
            Duration backoff, Duration maxBackoff) {
        super(executor, backoff, maxBackoff);
        this.failer = failer;
        this.deliveryLimit = deliveryLimit;
    }

    @Override
    Runnable decode(Message message) {
        NodeTaskId task = TaskMessages.taskOf(message.getBody());
        String reason = reasonOf(message.getMessageProperties(), deliveryLimit);
        return () -> {
            LOG.warning(() -> "task " + task + " is dead: " + reason);
            failer.getObject().fail(task, reason);
        };
    }

    @Override
    String describe(Message message) {
        return "dead task message " + message.getMessageProperties().getMessageId();
    }

    /**
     * Why the broker dead-lettered the message, from its {@code x-death} header. At the delivery
     * limit the message was delivered the limit plus one times (the dead-lettered copy does not
     * carry the count itself).
     */
    static String reasonOf(MessageProperties properties, int deliveryLimit) {
        List<Map<String, ?>> deaths = properties.getXDeathHeader();
        Object reason = deaths == null || deaths.isEmpty() ? null : deaths.getFirst().get("reason");
        if (reason == null || "delivery_limit".equals(reason.toString())) {
            return "delivery limit exceeded after " + (deliveryLimit + 1) + " attempts";
        }
        if ("rejected".equals(reason.toString())) {
            return "task message could not be read by the worker that took it";
        }
        return "task message was dead-lettered (" + reason + ")";
    }
}
