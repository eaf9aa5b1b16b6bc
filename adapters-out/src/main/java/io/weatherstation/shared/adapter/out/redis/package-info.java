/**
 * What every Redis adapter of the distributed mode shares (ADR 0009): the configurable key
 * prefix, the JSON form of stored documents, small atomic scripts, and the sealing of secret node
 * parameters before anything reaches Redis.
 */
@NullMarked
package io.weatherstation.shared.adapter.out.redis;

import org.jspecify.annotations.NullMarked;
