/**
 * Inbound JSON boundary of the flow slice: request bytes to Weather Syntax trees, with body size
 * limits, malformed-JSON and duplicate-key detection, then validation by the domain reader.
 * Offered to other slices' inbound adapters, so every JSON body the station reads is parsed the
 * same way (exact decimals, strict duplicates, the same size limit).
 */
@NamedInterface("json")
@NullMarked
package io.weatherstation.flow.adapter.in.json;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
