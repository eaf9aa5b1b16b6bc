package io.weatherstation.flow.adapter.in.web;

import io.weatherstation.flow.adapter.in.web.FlowResponses.FlowRegistrationResponse;
import io.weatherstation.flow.adapter.in.web.FlowResponses.FlowSummaryResponse;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.shared.domain.CycleNumber;
import org.jspecify.annotations.Nullable;

/** Flow → response records, by hand: a few fields, two of them derived. */
final class FlowMapper {

    private FlowMapper() {
    }

    static FlowRegistrationResponse registration(Flow flow) {
        return new FlowRegistrationResponse(flow.id().value(), name(flow), flow.status().code(),
                flow.structure().toDocument(), flow.definitionVersion(), lastCycle(flow), flow.createdAt(),
                flow.updatedAt());
    }

    static FlowSummaryResponse summary(Flow flow) {
        return new FlowSummaryResponse(flow.id().value(), name(flow), flow.status().code(), flow.definitionVersion(),
                lastCycle(flow), flow.nextExecution().orElse(null), flow.createdAt(), flow.updatedAt());
    }

    /** The definition's optional display name. */
    static @Nullable String name(Flow flow) {
        return flow.definitionJson().get("name") instanceof String name ? name : null;
    }

    static @Nullable Long lastCycle(Flow flow) {
        return flow.lastCycle().map(CycleNumber::value).orElse(null);
    }
}
