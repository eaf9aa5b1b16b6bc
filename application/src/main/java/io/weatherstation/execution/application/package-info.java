/** The engine: cycle launch, readiness, dispatch, node runs, retries, termination, completion. */
@NullMarked
package io.weatherstation.execution.application;

import org.jspecify.annotations.NullMarked;
