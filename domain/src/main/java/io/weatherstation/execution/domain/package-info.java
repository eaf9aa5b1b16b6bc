/**
 * Domain model of the execution slice: plain Java, no framework.
 */
@NamedInterface("domain")
@NullMarked
package io.weatherstation.execution.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
