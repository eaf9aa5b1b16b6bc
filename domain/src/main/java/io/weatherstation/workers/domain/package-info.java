/**
 * Domain model of the workers slice: plain Java, no framework.
 */
@NamedInterface("domain")
@NullMarked
package io.weatherstation.workers.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
