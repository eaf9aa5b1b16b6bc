package io.weatherstation.flow.domain;

import io.weatherstation.shared.domain.NodeId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One node of a flow definition, normalised.
 *
 * @param id      unique within the flow
 * @param type    a node type registered in the catalog
 * @param config  resolved parameters: catalog defaults merged, declared parameters coerced to
 *                their types ({@code integer} → {@link Long}, {@code number} → {@link
 *                java.math.BigDecimal}, {@code boolean} → {@link Boolean}), undeclared keys kept
 *                as submitted. Immutable; values are JSON-like trees.
 * @param retry   retry policy ({@link RetryPolicy#NONE} unless given)
 * @param timeout how long one attempt may run ({@link #DEFAULT_TIMEOUT} unless given)
 * @param extras  fields the station does not interpret but keeps ({@code position}, {@code
 *                data}, {@code label}…). Immutable.
 */
public record NodeDefinition(
        NodeId id,
        String type,
        Map<String, @Nullable Object> config,
        RetryPolicy retry,
        Duration timeout,
        Map<String, @Nullable Object> extras) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(86_400);

    public NodeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be positive and at most " + MAX_TIMEOUT + ", was " + timeout);
        }
        config = JsonTrees.freezeObject(config);
        extras = JsonTrees.freezeObject(extras);
    }

    /** A node with the given config and every other setting at its default. */
    public static NodeDefinition of(NodeId id, String type, Map<String, @Nullable Object> config) {
        return new NodeDefinition(id, type, config, RetryPolicy.NONE, DEFAULT_TIMEOUT, Map.of());
    }

    /** The value of one parameter, if the resolved config has a non-null one. */
    public Optional<Object> parameter(String name) {
        return Optional.ofNullable(config.get(name));
    }
}
