package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.execution.application.port.in.FailWaitingNodeTaskUseCase;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.signaling.domain.SignalRoute;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Consumes dead signals: a signal whose deliveries kept failing (the state store stayed
 * unreachable) or that could not be read never reaches its target, so the target task — if it
 * still waits for its inputs — is failed with the reason and its cycle finishes instead of waiting
 * forever. The dead signal itself is logged with its route.
 */
final class AmqpDeadSignalListener extends ManualAckListener {

    private static final Logger LOG = Logger.getLogger(AmqpDeadSignalListener.class.getName());

    private final ObjectProvider<FailWaitingNodeTaskUseCase> failer;
    private final int deliveryLimit;

    AmqpDeadSignalListener(ObjectProvider<FailWaitingNodeTaskUseCase> failer, int deliveryLimit, Executor executor,
            Duration backoff, Duration maxBackoff) {
        super(executor, backoff, maxBackoff);
        this.failer = failer;
        this.deliveryLimit = deliveryLimit;
    }

    /**
     * @throws IllegalArgumentException when the dead message carries no signal route (it is then
     *                                  rejected and dropped: there is no task to fail)
     */
    @Override
    Runnable decode(Message message) {
        SignalRoute route = SignalRoute.parse(originalRoutingKey(message.getMessageProperties()));
        NodeTaskId target = NodeTaskId.of(route.flowId(), route.cycle(), route.targetNode());
        String reason = reasonOf(message.getMessageProperties(), route, deliveryLimit);
        return () -> {
            LOG.warning(() -> "signal " + route.routingKey() + " is dead: " + reason);
            failer.getObject().failWaiting(target, reason);
        };
    }

    @Override
    String describe(Message message) {
        return "dead signal " + originalRoutingKey(message.getMessageProperties());
    }

    /** The key the signal was published with: dead-lettering replaced it with {@code signals}. */
    static String originalRoutingKey(MessageProperties properties) {
        List<Map<String, ?>> deaths = properties.getXDeathHeader();
        if (deaths != null && !deaths.isEmpty() && deaths.getFirst().get("routing-keys") instanceof List<?> keys
                && !keys.isEmpty()) {
            return String.valueOf(keys.getFirst());
        }
        return String.valueOf(properties.getReceivedRoutingKey());
    }

    static String reasonOf(MessageProperties properties, SignalRoute route, int deliveryLimit) {
        List<Map<String, ?>> deaths = properties.getXDeathHeader();
        Object reason = deaths == null || deaths.isEmpty() ? null : deaths.getFirst().get("reason");
        String signal = "signal from " + route.sourceNode() + "." + route.sourceHandle();
        if (reason == null || "delivery_limit".equals(reason.toString())) {
            return signal + " could not be delivered: delivery limit exceeded after " + (deliveryLimit + 1) + " attempts";
        }
        if ("rejected".equals(reason.toString())) {
            return signal + " could not be read";
        }
        return signal + " was dead-lettered (" + reason + ")";
    }
}
