package io.weatherstation.catalog.application.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a successful task: values per output handle, or a request to stop execution of
 * the node's component for this cycle. A handle absent from {@link #outputs()} produced nothing;
 * the edges leaving it are skipped.
 */
public record NodeResult(Map<String, Object> outputs, @Nullable String stopReason) {

    public NodeResult {
        Objects.requireNonNull(outputs, "outputs");
        outputs = switch (outputs.size()) {
            case 0 -> Map.of();
            // Most nodes have one output handle: a singleton map (which keeps a null value) is enough.
            case 1 -> {
                Map.Entry<String, Object> only = outputs.entrySet().iterator().next();
                yield java.util.Collections.singletonMap(only.getKey(), only.getValue());
            }
            default -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        };
    }

    public static NodeResult of(Map<String, Object> outputs) {
        return new NodeResult(outputs, null);
    }

    public static NodeResult of(String handle, Object value) {
        return new NodeResult(Map.of(handle, value), null);
    }

    public static NodeResult nothing() {
        return new NodeResult(Map.of(), null);
    }

    /** Stop execution of this node's component for the current cycle, with a reason. */
    public static NodeResult stopExecution(String reason) {
        return new NodeResult(Map.of(), Objects.requireNonNull(reason, "reason"));
    }

    public boolean stopsExecution() {
        return stopReason != null;
    }
}
