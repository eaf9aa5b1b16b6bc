package io.weatherstation.catalog.domain;

import java.util.Objects;

/** An output handle of a node type and the signal type emitted on it. */
public record OutputHandleSpec(String name, String signalType, String description) {

    public OutputHandleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(description, "description");
    }
}
