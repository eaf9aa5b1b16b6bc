/** Use cases the flow slice offers. */
@NamedInterface("port-in")
@NullMarked
package io.weatherstation.flow.application.port.in;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
