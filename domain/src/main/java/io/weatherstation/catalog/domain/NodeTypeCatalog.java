package io.weatherstation.catalog.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * The node types this station knows. Registration-time validation asks it for unknown types,
 * handles, parameter schemas, required inputs and aggregate fan-in.
 */
public interface NodeTypeCatalog {

    Optional<NodeTypeDescriptor> find(String type);

    Collection<NodeTypeDescriptor> all();
}
