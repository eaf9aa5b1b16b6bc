/** In-memory flow storage and tick claims of the embedded mode. */
@NullMarked
package io.weatherstation.flow.adapter.out.memory;

import org.jspecify.annotations.NullMarked;
