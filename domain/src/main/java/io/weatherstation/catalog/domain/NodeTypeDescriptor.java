package io.weatherstation.catalog.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node type declares about itself: identity, handles and parameter schema. Published by
 * {@code GET /node-types} and used by registration-time validation.
 */
public record NodeTypeDescriptor(
        String type,
        String version,
        String category,
        String description,
        List<InputHandleSpec> inputs,
        List<OutputHandleSpec> outputs,
        List<ParameterSpec> parameters) {

    public NodeTypeDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        parameters = List.copyOf(parameters);
    }

    public Optional<InputHandleSpec> input(String name) {
        return inputs.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<OutputHandleSpec> output(String name) {
        return outputs.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
