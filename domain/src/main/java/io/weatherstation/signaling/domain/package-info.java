/**
 * Domain model of the signaling slice: plain Java, no framework.
 */
@NamedInterface("domain")
@NullMarked
package io.weatherstation.signaling.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
