/** The distributed mode's flow storage ({@code flow:{flow_id}}) and tick claims, in Redis (ADR 0009). */
@NullMarked
package io.weatherstation.flow.adapter.out.redis;

import org.jspecify.annotations.NullMarked;
