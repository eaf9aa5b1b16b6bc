/** Use cases the execution slice offers. */
@NamedInterface("port-in")
@NullMarked
package io.weatherstation.execution.application.port.in;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
