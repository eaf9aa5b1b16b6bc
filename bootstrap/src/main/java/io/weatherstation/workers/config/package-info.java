/** Wiring of the workers slice: this instance's registration and heartbeat. */
@NullMarked
package io.weatherstation.workers.config;

import org.jspecify.annotations.NullMarked;
