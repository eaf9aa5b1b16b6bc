package io.weatherstation.signaling.domain;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;

/**
 * A parsed routing key of {@code signals_exchange}: either a data signal's {@link SignalRoute}
 * or a cycle's {@link StopRoute}. Sealed so that a consumer's switch covers both.
 */
public sealed interface RoutingKey permits SignalRoute, StopRoute {

    /**
     * AMQP 0-9-1 carries routing keys as short strings: at most 255 bytes. Identifiers may be
     * 128 characters each, so a signal key with long ids can exceed it; the publishing adapter
     * (or flow validation) must check {@link #fitsAmqpLimit()}.
     */
    int AMQP_MAX_LENGTH = 255;

    FlowId flowId();

    CycleNumber cycle();

    /** The key words joined by {@code .}; {@code parse(routingKey())} gives back an equal value. */
    String routingKey();

    /** True when the key fits AMQP's 255-byte limit (keys are ASCII, so characters = bytes). */
    default boolean fitsAmqpLimit() {
        return routingKey().length() <= AMQP_MAX_LENGTH;
    }
}
