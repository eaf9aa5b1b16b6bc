/**
 * Flows: Weather Syntax definitions, validation, structure analysis, scheduling.
 */
@ApplicationModule(displayName = "Flow")
@NullMarked
package io.weatherstation.flow;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
