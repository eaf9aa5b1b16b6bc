/**
 * The node SPI: what a node type implements and how it declares itself. A node class carries
 * {@link io.weatherstation.catalog.application.spi.NodeType} (type name, version, category,
 * description, handles, parameters) and implements {@link io.weatherstation.catalog.application.spi.Node}.
 * Classes carrying the annotation are discovered at start-up into the node registry.
 */
@NamedInterface("spi")
@NullMarked
package io.weatherstation.catalog.application.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
