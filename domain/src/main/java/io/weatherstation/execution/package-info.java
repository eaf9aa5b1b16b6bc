/**
 * Execution: cycles, node tasks, readiness, dispatch, retries, termination.
 */
@ApplicationModule(displayName = "Execution")
@NullMarked
package io.weatherstation.execution;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
