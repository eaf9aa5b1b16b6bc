/** Wiring of the journal slice's application services. */
@NullMarked
package io.weatherstation.journal.config;

import org.jspecify.annotations.NullMarked;
