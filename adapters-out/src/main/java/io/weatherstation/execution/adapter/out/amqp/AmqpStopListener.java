package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.signaling.domain.StopRequest;
import io.weatherstation.signaling.domain.StopRoute;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * Consumes this instance's copy of every STOP_EXECUTION broadcast and interrupts the tasks of the
 * stopped component that run here; they then end {@code terminated}. The instance that stopped
 * the component has already marked every task that was not running; this reaches the ones
 * running on other instances at once, instead of when they next look at their termination flag.
 * Best effort by design: a lost broadcast delays a termination, it never loses one.
 */
final class AmqpStopListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AmqpStopListener.class.getName());

    private final RunningTasks running;

    AmqpStopListener(RunningTasks running) {
        this.running = running;
    }

    @Override
    public void onMessage(Message message) {
        String key = message.getMessageProperties().getReceivedRoutingKey();
        try {
            StopRoute route = StopRoute.parse(key);
            StopRequest stop = StopRequest.fromSignal(SignalMessages.fromMessage(message));
            String reason = "execution stopped by node " + stop.sourceNode() + ": " + stop.reason();
            int interrupted = running.terminateMatching(task -> task.task().flowId().equals(route.flowId())
                    && task.task().cycle().equals(route.cycle())
                    && task.component().equals(stop.component()), reason);
            if (interrupted > 0) {
                LOG.info(() -> "stop " + key + " (component " + stop.component() + "): interrupted " + interrupted
                        + " running task(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ignoring unreadable stop broadcast " + key + ": " + e.getMessage());
        }
    }
}
