/**
 * The node registry: node types discovered at start-up, published as the catalog.
 */
@NamedInterface("application")
@NullMarked
package io.weatherstation.catalog.application;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
