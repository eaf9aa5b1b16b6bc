/** The in-memory journal of the embedded mode, bounded by cycle retention. */
@NullMarked
package io.weatherstation.journal.adapter.out.memory;

import org.jspecify.annotations.NullMarked;
