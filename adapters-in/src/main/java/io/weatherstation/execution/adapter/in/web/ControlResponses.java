package io.weatherstation.execution.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.NodeTaskResponse;
import io.weatherstation.execution.adapter.in.web.ExecutionResponses.StatisticsResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Responses of the operator controls: pauses and partial runs. */
final class ControlResponses {

    private ControlResponses() {
    }

    /** One pause in force. */
    record PauseResponse(
            @JsonProperty("target_type") String targetType,
            @JsonProperty("target") String target,
            @JsonProperty("component_id") @Nullable Integer componentId,
            @JsonProperty("node_id") @Nullable String nodeId,
            @JsonProperty("pause_type") String pauseType,
            @Nullable String reason,
            Map<String, @Nullable Object> context,
            List<String> nodes,
            @JsonProperty("paused_at") Instant pausedAt) {
    }

    /** What a pause or resume did. */
    record PauseChangeResponse(
            @JsonProperty("flow_id") String flowId,
            String status,
            PauseResponse pause,
            @JsonProperty("released_tasks") List<String> releasedTasks,
            @JsonProperty("skipped_tasks") List<String> skippedTasks,
            @JsonProperty("still_held_tasks") List<String> stillHeldTasks) {
    }

    /** Every pause in force on a flow and the tasks they hold. */
    record FlowPausesResponse(
            @JsonProperty("flow_id") String flowId,
            @JsonProperty("flow_paused") boolean flowPaused,
            List<PauseResponse> pauses,
            @JsonProperty("held_tasks") List<NodeTaskResponse> heldTasks) {
    }

    record BoundaryHandleResponse(
            @JsonProperty("node_id") String nodeId,
            String handle,
            boolean required,
            @JsonProperty("upstream_nodes") List<String> upstreamNodes) {
    }

    /** The nodes a partial run would run, in topological order. */
    record PartialRunPreviewResponse(
            @JsonProperty("flow_id") String flowId,
            @JsonProperty("trigger_node_id") String triggerNodeId,
            String mode,
            List<String> nodes,
            @JsonProperty("boundary_handles") List<BoundaryHandleResponse> boundaryHandles) {
    }

    record PartialRunInputResponse(@JsonProperty("node_id") String nodeId, String handle, Map<String, @Nullable Object> payload) {
    }

    /** A partial run: what was asked, its cycle's status, its node tasks. */
    record PartialRunResponse(
            @JsonProperty("flow_id") String flowId,
            @JsonProperty("partial_run_id") long partialRunId,
            long cycle,
            @JsonProperty("trigger_node_id") String triggerNodeId,
            String mode,
            List<String> nodes,
            List<PartialRunInputResponse> inputs,
            String status,
            @JsonProperty("start_time") Instant startTime,
            @JsonProperty("end_time") @Nullable Instant endTime,
            StatisticsResponse statistics,
            @JsonProperty("node_tasks") List<NodeTaskResponse> nodeTasks) {
    }

    record PartialRunListResponse(@JsonProperty("flow_id") String flowId,
            @JsonProperty("partial_runs") List<PartialRunResponse> partialRuns) {
    }
}
