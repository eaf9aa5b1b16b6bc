/**
 * Domain model of the journal slice: plain Java, no framework.
 */
@NamedInterface("domain")
@NullMarked
package io.weatherstation.journal.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
