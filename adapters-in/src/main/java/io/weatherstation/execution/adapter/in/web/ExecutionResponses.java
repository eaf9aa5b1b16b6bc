package io.weatherstation.execution.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON shapes of the execution routes (snake_case on the wire). */
final class ExecutionResponses {

    private ExecutionResponses() {
    }

    /** A flow with its stored definition (secrets masked), structure and latest cycle. */
    record FlowDetailsResponse(
            @JsonProperty("flow_id") String flowId,
            @Nullable String name,
            String status,
            Map<String, Object> config,
            Map<String, Object> structure,
            @JsonProperty("definition_version") long definitionVersion,
            @JsonProperty("last_cycle") @Nullable Long lastCycle,
            @JsonProperty("next_execution") @Nullable Instant nextExecution,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt,
            @JsonProperty("current_cycle") @Nullable CycleSummaryResponse currentCycle,
            List<ControlResponses.PauseResponse> pauses) {
    }

    /** A cycle without its tasks. */
    record CycleSummaryResponse(
            long cycle,
            String status,
            @JsonProperty("start_time") Instant startTime,
            @JsonProperty("end_time") @Nullable Instant endTime,
            @JsonProperty("termination_requested") boolean terminationRequested) {
    }

    record CycleListResponse(@JsonProperty("flow_id") String flowId, List<CycleSummaryResponse> cycles) {
    }

    record CycleStartedResponse(@JsonProperty("flow_id") String flowId, long cycle) {
    }

    /** A cycle with every node task, in definition order. */
    record CycleResponse(
            @JsonProperty("flow_id") String flowId,
            long cycle,
            String status,
            @JsonProperty("start_time") Instant startTime,
            @JsonProperty("end_time") @Nullable Instant endTime,
            @JsonProperty("termination_requested") boolean terminationRequested,
            @JsonProperty("component_stops") List<ComponentStopResponse> componentStops,
            StatisticsResponse statistics,
            @JsonProperty("node_tasks") List<NodeTaskResponse> nodeTasks) {
    }

    /** A node stopped the execution of its component in this cycle. */
    record ComponentStopResponse(
            @JsonProperty("component_id") int componentId,
            String reason,
            @JsonProperty("source_node") String sourceNode,
            @JsonProperty("stopped_at") Instant stoppedAt) {
    }

    /** Node tasks of one cycle by status. */
    record StatisticsResponse(int total, int registered, int pending, int paused, int running, int completed,
            int failed, int terminated, int skipped) {
    }

    record NodeTaskResponse(
            @JsonProperty("node_task_id") String nodeTaskId,
            @JsonProperty("flow_id") String flowId,
            long cycle,
            @JsonProperty("node_id") String nodeId,
            @JsonProperty("node_type") String nodeType,
            @JsonProperty("component_id") int componentId,
            String status,
            int attempts,
            @JsonProperty("worker_id") @Nullable String workerId,
            @Nullable String message,
            int progress,
            @JsonProperty("registered_at") Instant registeredAt,
            @JsonProperty("updated_at") Instant updatedAt) {
    }

    /** The comprehensive status of a flow and one of its cycles (the latest unless asked). */
    record FlowStatusResponse(
            @JsonProperty("flow_id") String flowId,
            @JsonProperty("flow_status") String flowStatus,
            @JsonProperty("last_cycle") @Nullable Long lastCycle,
            @JsonProperty("next_execution") @Nullable Instant nextExecution,
            @Nullable Long cycle,
            @JsonProperty("cycle_status") @Nullable String cycleStatus,
            @JsonProperty("start_time") @Nullable Instant startTime,
            @JsonProperty("end_time") @Nullable Instant endTime,
            @JsonProperty("termination_requested") boolean terminationRequested,
            @JsonProperty("component_stops") List<ComponentStopResponse> componentStops,
            StatisticsResponse statistics,
            List<NodeTaskResponse> nodes,
            List<ControlResponses.PauseResponse> pauses) {
    }

    /** One journal line; {@code cycle} and {@code node_id} are null for flow-level and system lines. */
    record LogResponse(
            @JsonProperty("flow_id") String flowId,
            @Nullable Long cycle,
            @JsonProperty("node_id") @Nullable String nodeId,
            @JsonProperty("log_level") String logLevel,
            @JsonProperty("log_source") String logSource,
            String message,
            Map<String, Object> metadata,
            @JsonProperty("created_at") Instant createdAt) {
    }

    /** One signal as sent ({@code target_handle} {@code *} for a wildcard send). */
    record SignalResponse(
            @JsonProperty("flow_id") String flowId,
            long cycle,
            @JsonProperty("component_id") int componentId,
            @JsonProperty("source_node") String sourceNode,
            @JsonProperty("source_handle") String sourceHandle,
            @JsonProperty("target_node") String targetNode,
            @JsonProperty("target_handle") String targetHandle,
            @JsonProperty("signal_type") String signalType,
            Map<String, Object> payload,
            @JsonProperty("created_at") Instant createdAt) {
    }

    /** How a node run in isolation ended. */
    record NodeExecutionResponse(
            @JsonProperty("node_type") String nodeType,
            String status,
            Map<String, Object> outputs,
            @JsonProperty("stop_reason") @Nullable String stopReason,
            @Nullable String error,
            List<LogLineResponse> logs,
            @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("duration_ms") long durationMs) {
    }

    record LogLineResponse(Instant timestamp, String level, String message) {
    }
}
