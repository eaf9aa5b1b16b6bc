package io.weatherstation.compat.adapter.in.web;

import io.weatherstation.execution.application.port.in.QueryExecutionUseCase.CycleDetails;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.WorkerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The original engine's JSON shapes, built by hand as ordered maps: several of them are keyed by
 * node id or cycle number, which records cannot express, and the field order follows the original.
 */
final class CompatViews {

    private CompatViews() {
    }

    /** A cycle as the original's {@code get_cycle_status}: the node task records keyed by node id. */
    static Map<String, @Nullable Object> cycle(CycleDetails details) {
        Cycle cycle = details.cycle();
        Map<String, Object> nodes = new LinkedHashMap<>();
        details.tasks().forEach(task -> nodes.put(task.id().nodeId().value(), task(task)));
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("cycle", cycle.number().value());
        view.put("status", cycle.status().wireName());
        view.put("start_time", cycle.startTime());
        view.put("end_time", cycle.endTime());
        view.put("nodes", nodes);
        view.put("node_count", details.tasks().size());
        return view;
    }

    /** A node task record ({@code node_tasks:{id}} of the original), without its config. */
    static Map<String, @Nullable Object> task(NodeTask task) {
        WorkerId worker = task.worker();
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("node_task_id", task.id().display());
        view.put("flow_id", task.id().flowId().value());
        view.put("cycle", task.id().cycle().value());
        view.put("node_id", task.id().nodeId().value());
        view.put("node_type", task.nodeType());
        view.put("component_id", task.component().value());
        view.put("worker_id", worker == null ? null : worker.value());
        view.put("status", task.status().wireName());
        view.put("attempts", task.attempts());
        view.put("registered_at", task.registeredAt());
        view.put("updated_at", task.updatedAt());
        view.put("message", task.message());
        view.put("progress", task.progress());
        return view;
    }

    /** One log line; {@code id} is always null (journal lines have no ids). */
    static Map<String, @Nullable Object> log(LogEntry entry) {
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("id", null);
        view.put("flow_id", entry.flowId().value());
        view.put("cycle", entry.cycle());
        view.put("node_id", entry.nodeId() == null ? null : entry.nodeId().value());
        view.put("log_level", entry.level().name());
        view.put("log_source", entry.source().code());
        view.put("message", entry.message());
        view.put("metadata", entry.metadata());
        view.put("created_at", entry.createdAt());
        return view;
    }

    static List<Map<String, @Nullable Object>> logs(Page<LogEntry> page) {
        return page.items().stream().map(CompatViews::log).toList();
    }

    static Map<String, Object> pagination(Page<?> page) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("total", page.total());
        view.put("limit", page.limit());
        view.put("offset", page.offset());
        view.put("has_more", page.hasMore());
        return view;
    }

    /** A signal as the original's per-node signal lists show it. */
    static Map<String, @Nullable Object> signal(SignalRecord record, String direction) {
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("direction", direction);
        view.put("from_node_id", record.sourceNode());
        view.put("source_handle", record.sourceHandle());
        view.put("to_node_id", record.targetNode());
        view.put("target_handle", record.targetHandle());
        view.put("signal_type", record.signalType());
        view.put("payload", record.payload());
        view.put("created_at", record.createdAt());
        return view;
    }

    /** The original's {@code next_execution}: epoch seconds (a number), as it stored it. */
    static @Nullable BigDecimal epochSeconds(@Nullable Instant at) {
        return at == null ? null : BigDecimal.valueOf(at.toEpochMilli()).movePointLeft(3);
    }
}
