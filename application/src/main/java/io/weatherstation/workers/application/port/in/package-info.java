/** What the workers slice offers. */
@NamedInterface("port-in")
@NullMarked
package io.weatherstation.workers.application.port.in;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
