/**
 * Domain model of the catalog slice: plain Java, no framework.
 */
@NamedInterface("domain")
@NullMarked
package io.weatherstation.catalog.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
