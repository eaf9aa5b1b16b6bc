/** Wiring of the execution slice's application services. */
@NullMarked
package io.weatherstation.execution.config;

import org.jspecify.annotations.NullMarked;
