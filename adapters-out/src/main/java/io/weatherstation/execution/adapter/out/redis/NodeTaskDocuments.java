package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code node_tasks:{node_task_id}} JSON document (SPEC §8): {@code node_task_id, flow_id,
 * cycle, node_id, node_type, worker_id, status, registered_at, updated_at, message, progress,
 * config}, plus {@code component_id} and {@code attempts}, which the aggregate needs. {@code config}
 * is the node's resolved parameters, secrets sealed; it is informational and kept as written.
 */
final class NodeTaskDocuments {

    private NodeTaskDocuments() {
    }

    /** A task read back, with the {@code config} it was written with. */
    record Decoded(NodeTask task, @Nullable Object config) {
    }

    static String write(NodeTask task, @Nullable Object config) {
        Map<String, @Nullable Object> document = new LinkedHashMap<>();
        document.put("node_task_id", task.id().display());
        document.put("flow_id", task.id().flowId().value());
        document.put("cycle", task.id().cycle().value());
        document.put("node_id", task.id().nodeId().value());
        document.put("node_type", task.nodeType());
        document.put("worker_id", task.worker() == null ? null : task.worker().value());
        document.put("status", task.status().wireName());
        document.put("registered_at", task.registeredAt().toString());
        document.put("updated_at", task.updatedAt().toString());
        document.put("message", task.message());
        document.put("progress", task.progress());
        document.put("config", config == null ? Map.of() : config);
        document.put("component_id", task.component().value());
        document.put("attempts", task.attempts());
        return StoredJson.write(document);
    }

    static Decoded read(String json) {
        Map<String, @Nullable Object> document = StoredJson.readDocument(json);
        NodeTaskId id = NodeTaskId.of(FlowId.of(text(document, "flow_id")), CycleNumber.of(number(document, "cycle")),
                NodeId.of(text(document, "node_id")));
        Object worker = document.get("worker_id");
        Object message = document.get("message");
        NodeTask task = NodeTask.rehydrate(id, text(document, "node_type"),
                ComponentId.of((int) number(document, "component_id")),
                NodeTaskStatus.fromWireName(text(document, "status")), (int) number(document, "attempts"),
                worker instanceof String w && !w.isEmpty() ? WorkerId.of(w) : null,
                message instanceof String m ? m : null, (int) number(document, "progress"),
                Instant.parse(text(document, "registered_at")), Instant.parse(text(document, "updated_at")));
        return new Decoded(task, document.get("config"));
    }

    /** The {@code trading_flow:node:{id}} fields: status, updated_at (epoch seconds), error_message. */
    static String[] stateFields(NodeTask task) {
        String error = task.status() == NodeTaskStatus.FAILED && task.message() != null ? task.message() : "";
        return new String[] {task.status().wireName(), StoredJson.epochSeconds(task.updatedAt()), error};
    }

    private static String text(Map<String, @Nullable Object> document, String field) {
        if (document.get(field) instanceof String value) {
            return value;
        }
        throw new IllegalStateException("node task document has no text field '" + field + "'");
    }

    private static long number(Map<String, @Nullable Object> document, String field) {
        if (document.get(field) instanceof Number value) {
            return value.longValue();
        }
        throw new IllegalStateException("node task document has no number field '" + field + "'");
    }
}
