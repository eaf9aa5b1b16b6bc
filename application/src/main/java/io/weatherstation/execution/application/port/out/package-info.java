/** What the execution slice needs from outside. */
@NamedInterface("port-out")
@NullMarked
package io.weatherstation.execution.application.port.out;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
