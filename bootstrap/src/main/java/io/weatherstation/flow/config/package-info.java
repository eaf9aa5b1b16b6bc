/** Wiring of the flow slice's application services. */
@NullMarked
package io.weatherstation.flow.config;

import org.jspecify.annotations.NullMarked;
