/**
 * Workers: the worker registry and heartbeats.
 */
@ApplicationModule(displayName = "Workers")
@NullMarked
package io.weatherstation.workers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
