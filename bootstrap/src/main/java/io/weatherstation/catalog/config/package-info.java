/** Wiring of the catalog slice: node discovery into the registry. */
@NullMarked
package io.weatherstation.catalog.config;

import org.jspecify.annotations.NullMarked;
