package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

/**
 * Receives termination requests published by any instance and interrupts the task if it runs
 * here. The message names the task by its parts ({@code flow_id}, {@code cycle}, {@code node_id}),
 * never by the display id, which cannot be split.
 */
final class TerminationListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(TerminationListener.class.getName());

    private final RunningTasks running;

    TerminationListener(RunningTasks running) {
        this.running = running;
    }

    static String message(NodeTaskId task, String reason) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("flow_id", task.flowId().value());
        message.put("cycle", task.cycle().value());
        message.put("node_id", task.nodeId().value());
        message.put("reason", reason);
        return StoredJson.write(message);
    }

    @Override
    public void onMessage(Message message, byte @Nullable [] pattern) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        try {
            Map<String, @Nullable Object> fields = StoredJson.readDocument(body);
            NodeTaskId task = NodeTaskId.of(FlowId.of((String) fields.get("flow_id")),
                    CycleNumber.of(((Number) fields.get("cycle")).longValue()), NodeId.of((String) fields.get("node_id")));
            running.terminate(task, String.valueOf(fields.get("reason")));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ignored a malformed termination message: " + body, e);
        }
    }
}
