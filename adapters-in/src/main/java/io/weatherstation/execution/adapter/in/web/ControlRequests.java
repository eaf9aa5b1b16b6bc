package io.weatherstation.execution.adapter.in.web;

import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.Identifier;
import io.weatherstation.shared.domain.NodeId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Reading the small JSON bodies and path segments of the operator controls, with clear problems. */
final class ControlRequests {

    private ControlRequests() {
    }

    /** The body as a JSON object with only the {@code allowed} fields; an empty body is {@code {}}. */
    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> object(WeatherSyntaxJson json, byte @Nullable [] body, Set<String> allowed) {
        if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Map.of();
        }
        Object tree = json.readTree(body);
        if (!(tree instanceof Map<?, ?> map)) {
            throw ApiProblems.exception(ApiProblems.malformedJson("the body must be a JSON object"));
        }
        Set<String> unknown = new TreeSet<>();
        map.keySet().forEach(k -> {
            if (!allowed.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiProblems.invalidParameter(unknown.iterator().next(), "unknown field(s) " + unknown
                    + "; expected some of " + new TreeSet<>(allowed));
        }
        return (Map<String, @Nullable Object>) map;
    }

    static @Nullable String text(Map<String, @Nullable Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw ApiProblems.invalidParameter(field, "'" + field + "' must be a string");
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> objectField(Map<String, @Nullable Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiProblems.invalidParameter(field, "'" + field + "' must be a JSON object");
        }
        return new LinkedHashMap<>((Map<String, @Nullable Object>) map);
    }

    static NodeId nodeId(String field, @Nullable String value) {
        if (value == null || !Identifier.isValid(value)) {
            throw ApiProblems.invalidId("'" + field + "' " + Identifier.problem(value));
        }
        return NodeId.of(value);
    }

    static ComponentId componentId(String value) {
        try {
            return ComponentId.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalidId(e.getMessage());
        }
    }

    /** One of an enum's wire names, parsed by {@code parse}; a clear 400 otherwise. */
    static <T> T oneOf(String field, String value, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalidParameter(field, "'" + field + "': " + e.getMessage());
        }
    }
}
