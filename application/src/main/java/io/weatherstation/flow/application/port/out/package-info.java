/** What the flow slice needs from outside. */
@NamedInterface("port-out")
@NullMarked
package io.weatherstation.flow.application.port.out;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
