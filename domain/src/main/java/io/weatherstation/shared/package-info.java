/**
 * Shared kernel: identifiers every slice speaks in. Open to all slices.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Shared kernel")
@NullMarked
package io.weatherstation.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
