/**
 * The distributed mode's execution state in Redis (ADR 0009): cycles, node tasks, input inboxes
 * with atomic readiness, the definitions running cycles use, termination flags broadcast to every
 * instance over pub/sub, and the clean-up of what TTLs cannot reach.
 */
@NullMarked
package io.weatherstation.execution.adapter.out.redis;

import org.jspecify.annotations.NullMarked;
