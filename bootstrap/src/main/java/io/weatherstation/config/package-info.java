/** Station-wide wiring: clock, worker identity. */
@NullMarked
package io.weatherstation.config;

import org.jspecify.annotations.NullMarked;
