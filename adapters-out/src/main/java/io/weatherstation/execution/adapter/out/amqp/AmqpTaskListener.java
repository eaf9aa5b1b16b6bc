package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.execution.application.port.in.RunNodeTaskUseCase;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Consumes the task queues of the node types this instance supports and runs each task. The
 * delivery is acknowledged when the run returned — the task is finished or handed back for a
 * retry — so the task of a worker that dies is delivered again, flagged as redelivered.
 */
final class AmqpTaskListener extends ManualAckListener {

    private final ObjectProvider<RunNodeTaskUseCase> runner;

    AmqpTaskListener(ObjectProvider<RunNodeTaskUseCase> runner, Executor executor, Duration backoff,
            Duration maxBackoff) {
        super(executor, backoff, maxBackoff);
        this.runner = runner;
    }

    @Override
    Runnable decode(Message message) {
        boolean redelivered = Boolean.TRUE.equals(message.getMessageProperties().getRedelivered());
        TaskAssignment assignment = TaskMessages.decode(message.getBody(), redelivered);
        return () -> runner.getObject().run(assignment);
    }

    @Override
    String describe(Message message) {
        return "task message " + message.getMessageProperties().getMessageId() + " from "
                + message.getMessageProperties().getConsumerQueue();
    }
}
