/**
 * Node catalog: the node-type SPI, the registry and the built-in nodes.
 */
@ApplicationModule(displayName = "Catalog")
@NullMarked
package io.weatherstation.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
