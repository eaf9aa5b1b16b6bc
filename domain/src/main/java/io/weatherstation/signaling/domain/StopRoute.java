package io.weatherstation.signaling.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a STOP_EXECUTION broadcast goes: {@code flow.{flow_id}.signal.STOP_EXECUTION.cycle.{cycle}}.
 * The key addresses a whole flow cycle; the component to stop is named in the payload
 * ({@link StopRequest}), so nodes of other components ignore it.
 */
public record StopRoute(FlowId flowId, CycleNumber cycle) implements RoutingKey {

    static final String SHAPE = "flow.{flow_id}.signal.STOP_EXECUTION.cycle.{cycle}";
    private static final int WORDS = 6;

    public StopRoute {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(cycle, "cycle");
    }

    public static StopRoute of(FlowId flowId, CycleNumber cycle) {
        return new StopRoute(flowId, cycle);
    }

    @Override
    public String routingKey() {
        return "flow." + flowId.value() + ".signal." + SignalType.STOP_EXECUTION.name() + ".cycle." + cycle.value();
    }

    /**
     * Parses a stop routing key. The original engine's {@code signal.SignalType.STOP_EXECUTION}
     * spelling (an accident of enum formatting) is not accepted.
     *
     * @throws MalformedRoutingKeyException saying what is wrong
     */
    public static StopRoute parse(@Nullable String key) {
        RoutingKeyWords words = RoutingKeyWords.split(key, SHAPE, WORDS);
        words.requireLiteral(0, "flow");
        words.requireLiteral(2, "signal");
        words.requireLiteral(3, SignalType.STOP_EXECUTION.name());
        words.requireLiteral(4, "cycle");
        FlowId flow = FlowId.of(words.identifier(1, "flow id"));
        CycleNumber cycle = CycleNumber.of(words.number(5, "cycle", Long.MAX_VALUE));
        return new StopRoute(flow, cycle);
    }

    @Override
    public String toString() {
        return routingKey();
    }
}
