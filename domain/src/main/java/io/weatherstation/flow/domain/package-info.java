/**
 * Domain model of the flow slice: plain Java, no framework.
 */
@NamedInterface("domain")
@NullMarked
package io.weatherstation.flow.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
