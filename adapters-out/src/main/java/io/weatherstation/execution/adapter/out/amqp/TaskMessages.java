package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The task message body: {@code {"task_id", "flow_id", "cycle", "node_id", "node_type",
 * "component_id", "inputs", "attempt"}}. The task id is there for people reading a queue; the
 * parts are read from their own fields, never from the display id.
 */
final class TaskMessages {

    private TaskMessages() {
    }

    static byte[] encode(TaskAssignment assignment) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("task_id", assignment.task().display());
        document.put("flow_id", assignment.task().flowId().value());
        document.put("cycle", assignment.task().cycle().value());
        document.put("node_id", assignment.task().nodeId().value());
        document.put("node_type", assignment.nodeType());
        document.put("component_id", assignment.component().value());
        document.put("inputs", assignment.inputs());
        document.put("attempt", assignment.attempt());
        return AmqpJson.write(document);
    }

    /**
     * @param redelivered the AMQP envelope's flag: an earlier delivery of this message was not
     *                    acknowledged
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    static TaskAssignment decode(byte[] body, boolean redelivered) {
        Map<String, Object> document = AmqpJson.readObject(body);
        NodeTaskId task = NodeTaskId.of(FlowId.of(text(document, "flow_id")),
                CycleNumber.of(number(document, "cycle")), NodeId.of(text(document, "node_id")));
        long component = number(document, "component_id");
        long attempt = number(document, "attempt");
        if (component > Integer.MAX_VALUE || attempt > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("task message: component_id or attempt out of range");
        }
        Object inputs = document.get("inputs");
        if (!(inputs instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("task message: 'inputs' must be a JSON object");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return new TaskAssignment(task, text(document, "node_type"), ComponentId.of((int) component), copy,
                (int) attempt, redelivered);
    }

    /** The task a message body names, for messages whose other fields may be damaged. */
    static NodeTaskId taskOf(byte[] body) {
        Map<String, Object> document = AmqpJson.readObject(body);
        return NodeTaskId.of(FlowId.of(text(document, "flow_id")), CycleNumber.of(number(document, "cycle")),
                NodeId.of(text(document, "node_id")));
    }

    private static String text(Map<String, Object> document, String field) {
        if (document.get(field) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("task message: '" + field + "' must be a string");
    }

    private static long number(Map<String, Object> document, String field) {
        Object value = document.get(field);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("task message: '" + field + "' must be an integer");
    }
}
