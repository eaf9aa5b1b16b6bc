package io.weatherstation.execution.adapter.in.web;

import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.flow.application.port.in.FlowNotFoundException;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Lookups the execution routes share, failing with the right problem. */
final class Lookups {

    /** {@code {flow_id}_{cycle}_{node_id}}: two ids of up to 128 characters and a cycle number. */
    private static final Pattern NODE_TASK_ID = Pattern.compile("[A-Za-z0-9_-]{5,280}");

    private Lookups() {
    }

    static Flow flow(QueryFlowsUseCase flows, FlowId flowId) {
        return flows.find(flowId).orElseThrow(() -> new FlowNotFoundException(flowId));
    }

    static ErrorResponseException cycleNotFound(FlowId flowId, CycleNumber cycle) {
        return ApiProblems.exception(ApiProblems.problem(HttpStatus.NOT_FOUND, "cycle_not_found", "Cycle not found",
                "flow '" + flowId + "' has no cycle " + cycle, Map.of("flow_id", flowId.value(), "cycle", cycle.value())));
    }

    /**
     * Whether the flow ever ran this cycle (its data may have expired since); a partial run's cycle
     * (ADR 0012) is looked up as it is.
     */
    static boolean everRan(Flow flow, CycleNumber cycle) {
        if (PartialRunId.isPartialRun(cycle)) {
            return true;
        }
        return flow.lastCycle().map(last -> cycle.compareTo(last) <= 0).orElse(false);
    }

    /** A node task's display id, checked for its alphabet and length only (it is never split). */
    static String nodeTaskId(String value) {
        if (!NODE_TASK_ID.matcher(value).matches()) {
            throw ApiProblems.invalidId("node task id must be {flow_id}_{cycle}_{node_id}: letters, digits, '_' and "
                    + "'-' only (was '" + value + "')");
        }
        return value;
    }
}
