package io.weatherstation.catalog.domain;

import java.util.Objects;

/**
 * An input handle of a node type.
 *
 * @param name       handle name (routing-key safe)
 * @param signalType the signal type it expects (informational; any signal is accepted)
 * @param required   a required handle must be connected by at least one edge
 * @param aggregate  an aggregate handle accepts many edges and receives a map keyed by source
 *                   handle name; a normal handle accepts exactly one edge
 */
public record InputHandleSpec(String name, String signalType, boolean required, boolean aggregate, String description) {

    public InputHandleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(description, "description");
    }
}
