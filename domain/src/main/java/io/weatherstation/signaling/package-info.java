/**
 * Signals: the signal model, routing keys, publish and consume.
 */
@ApplicationModule(displayName = "Signaling")
@NullMarked
package io.weatherstation.signaling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
