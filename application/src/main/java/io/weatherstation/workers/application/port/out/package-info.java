/** Where workers are registered. */
@NamedInterface("port-out")
@NullMarked
package io.weatherstation.workers.application.port.out;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
