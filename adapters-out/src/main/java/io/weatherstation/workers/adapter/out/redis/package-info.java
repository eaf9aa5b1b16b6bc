/** The distributed mode's worker registry ({@code workers:{worker_id}}, 60 s TTL) in Redis. */
@NullMarked
package io.weatherstation.workers.adapter.out.redis;

import org.jspecify.annotations.NullMarked;
