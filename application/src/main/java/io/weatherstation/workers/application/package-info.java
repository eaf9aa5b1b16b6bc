/** Worker registration and heartbeats. */
@NullMarked
package io.weatherstation.workers.application;

import org.jspecify.annotations.NullMarked;
