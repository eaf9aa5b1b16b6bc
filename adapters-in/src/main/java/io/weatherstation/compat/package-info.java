/**
 * Compatibility: the original Station API at its root paths ({@code /flows/execute},
 * {@code /flows/{id}/status}, {@code /nodes/types}, …), a thin inbound adapter over the other
 * slices' use cases so a control service written for the original engine works unchanged.
 */
@ApplicationModule(displayName = "Compatibility API")
@NullMarked
package io.weatherstation.compat;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
