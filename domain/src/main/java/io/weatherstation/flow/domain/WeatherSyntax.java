package io.weatherstation.flow.domain;

import io.weatherstation.catalog.domain.NodeTypeCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Weather Syntax, the JSON form of a flow: reading a submitted document into a {@link
 * FlowDefinition} with every registration-time rule checked, and writing a definition back in
 * canonical form.
 *
 * <p>Documents arrive as generic JSON trees: {@code Map<String, Object>} for objects (in
 * document order), {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean} and
 * {@code null} — what a JSON library yields when reading "as Object". Parsing bytes into such a
 * tree (size limits, malformed JSON, duplicate keys) is the inbound adapter's job.
 */
public final class WeatherSyntax {

    private WeatherSyntax() {
    }

    /**
     * Reads and validates a submitted flow definition.
     *
     * @param document the parsed document
     * @param catalog  the node types this station knows (types, handles, parameter schemas)
     * @param cron     which cron expressions the scheduler accepts
     * @param limits   size limits
     * @return the normalised definition: editor spellings and {@code data.inputs} folded in,
     *         parameters resolved against the catalog, unknown fields kept as extras
     * @throws InvalidFlowDefinitionException listing every problem, in document order
     */
    public static FlowDefinition read(@Nullable Object document, NodeTypeCatalog catalog, CronSyntax cron, FlowLimits limits) {
        return new DefinitionReader(catalog, cron, limits).read(document);
    }

    /**
     * The canonical Weather Syntax of a definition: snake_case handle fields, parameters under
     * {@code config}, the schedule as {@code interval} (seconds) or {@code cron}, extras kept.
     * Reading it back with the same catalog yields an equal definition.
     */
    public static Map<String, @Nullable Object> write(FlowDefinition definition) {
        Map<String, @Nullable Object> document = new LinkedHashMap<>();
        if (definition.name() != null) {
            document.put("name", definition.name());
        }
        switch (definition.schedule()) {
            case Schedule.Once _ -> document.put("interval", 0);
            case Schedule.FixedRate rate -> document.put("interval", seconds(rate.period()));
            case Schedule.Cron cron -> document.put("cron", cron.expression());
        }
        document.put("max_concurrent_cycles", definition.maxConcurrentCycles());
        definition.extras().forEach(document::putIfAbsent);

        List<Object> nodes = new ArrayList<>();
        for (NodeDefinition node : definition.nodes()) {
            Map<String, @Nullable Object> written = new LinkedHashMap<>();
            written.put("id", node.id().value());
            written.put("type", node.type());
            written.put("config", node.config());
            if (!node.retry().equals(RetryPolicy.NONE)) {
                Map<String, Object> retry = new LinkedHashMap<>();
                retry.put("max_attempts", node.retry().maxAttempts());
                retry.put("backoff_seconds", seconds(node.retry().initialBackoff()));
                written.put("retry", retry);
            }
            written.put("timeout_seconds", seconds(node.timeout()));
            node.extras().forEach(written::putIfAbsent);
            nodes.add(written);
        }
        document.put("nodes", nodes); // after extras: a stray extra can never shadow the graph

        List<Object> edges = new ArrayList<>();
        for (EdgeDefinition edge : definition.edges()) {
            Map<String, @Nullable Object> written = new LinkedHashMap<>();
            written.put("source", edge.source().value());
            written.put("source_handle", edge.sourceHandle().value());
            written.put("target", edge.target().value());
            written.put("target_handle", edge.targetHandle().value());
            edge.extras().forEach(written::putIfAbsent);
            edges.add(written);
        }
        document.put("edges", edges);
        return JsonTrees.freezeObject(document);
    }

    /** Whole seconds as a {@code Long}, otherwise an exact decimal. */
    private static Number seconds(Duration duration) {
        if (duration.getNano() == 0) {
            return duration.getSeconds();
        }
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)).stripTrailingZeros();
    }
}
