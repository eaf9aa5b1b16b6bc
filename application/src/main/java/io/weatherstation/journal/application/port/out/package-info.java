/** Where journal entries are kept. */
@NamedInterface("port.out")
@NullMarked
package io.weatherstation.journal.application.port.out;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
