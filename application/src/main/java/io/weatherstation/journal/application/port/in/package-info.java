/** What other slices ask of the journal. */
@NamedInterface("port-in")
@NullMarked
package io.weatherstation.journal.application.port.in;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
