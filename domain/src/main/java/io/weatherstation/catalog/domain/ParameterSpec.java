package io.weatherstation.catalog.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One configurable parameter of a node type.
 *
 * @param name         parameter name as written in a node's {@code config}
 * @param type         declared type; values are coerced to it
 * @param required     whether a value must be present after defaults are merged
 * @param defaultValue value used when {@code config} has none (null: no default)
 * @param minimum      inclusive lower bound for numbers (null: unbounded)
 * @param maximum      inclusive upper bound for numbers (null: unbounded)
 * @param allowedValues for strings, the only accepted values (empty: any)
 * @param description  text for people
 * @param secret       a secret is never written in clear to state, logs or API responses
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        boolean required,
        @Nullable Object defaultValue,
        @Nullable Double minimum,
        @Nullable Double maximum,
        List<String> allowedValues,
        String description,
        boolean secret) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowedValues = List.copyOf(allowedValues);
        Objects.requireNonNull(description, "description");
        if (minimum != null && maximum != null && minimum > maximum) {
            throw new IllegalArgumentException("parameter " + name + ": minimum > maximum");
        }
    }

    public static ParameterSpec optional(String name, ParameterType type, @Nullable Object defaultValue, String description) {
        return new ParameterSpec(name, type, false, defaultValue, null, null, List.of(), description, false);
    }

    public static ParameterSpec required(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, true, null, null, null, List.of(), description, false);
    }

    public ParameterSpec withBounds(@Nullable Double min, @Nullable Double max) {
        return new ParameterSpec(name, type, required, defaultValue, min, max, allowedValues, description, secret);
    }

    public ParameterSpec withAllowedValues(List<String> values) {
        return new ParameterSpec(name, type, required, defaultValue, minimum, maximum, values, description, secret);
    }

    public ParameterSpec asSecret() {
        return new ParameterSpec(name, type, required, defaultValue, minimum, maximum, allowedValues, description, true);
    }
}
