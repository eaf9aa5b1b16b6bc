package io.weatherstation.flow.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON shapes of the flow routes (snake_case on the wire). */
final class FlowResponses {

    private FlowResponses() {
    }

    /** After a register or replace: the stored flow and its structure analysis. */
    record FlowRegistrationResponse(
            @JsonProperty("flow_id") String flowId,
            @Nullable String name,
            String status,
            Map<String, Object> structure,
            @JsonProperty("definition_version") long definitionVersion,
            @JsonProperty("last_cycle") @Nullable Long lastCycle,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {
    }

    /** A flow without its definition: what lists and lifecycle routes return. */
    record FlowSummaryResponse(
            @JsonProperty("flow_id") String flowId,
            @Nullable String name,
            String status,
            @JsonProperty("definition_version") long definitionVersion,
            @JsonProperty("last_cycle") @Nullable Long lastCycle,
            @JsonProperty("next_execution") @Nullable Instant nextExecution,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {
    }

    record FlowListResponse(List<FlowSummaryResponse> flows) {
    }
}
