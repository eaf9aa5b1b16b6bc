/**
 * The engine's benchmarks (ADR 0007): flows of three shapes run through the real application
 * services of an in-process station, in the embedded or the distributed profile, with latency
 * histograms recorded by benchmark-only node types that never reach the product catalog.
 */
@NullMarked
package io.weatherstation.benchmarks;

import org.jspecify.annotations.NullMarked;
