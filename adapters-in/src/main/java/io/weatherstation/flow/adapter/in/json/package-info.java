/**
 * Inbound JSON boundary of the flow slice: request bytes to Weather Syntax trees, with body size
 * limits, malformed-JSON and duplicate-key detection, then validation by the domain reader.
 */
@NullMarked
package io.weatherstation.flow.adapter.in.json;

import org.jspecify.annotations.NullMarked;
