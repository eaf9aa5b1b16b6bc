/**
 * The distributed mode's live event log: a Redis stream per flow, shared by every instance, with
 * append notices over pub/sub (ADR 0011).
 */
@NullMarked
package io.weatherstation.journal.adapter.out.redis;

import org.jspecify.annotations.NullMarked;
