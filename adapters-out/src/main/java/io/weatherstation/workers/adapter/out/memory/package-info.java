/** The embedded mode's worker registry. */
@NullMarked
package io.weatherstation.workers.adapter.out.memory;

import org.jspecify.annotations.NullMarked;
