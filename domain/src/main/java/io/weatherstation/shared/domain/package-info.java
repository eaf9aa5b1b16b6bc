/**
 * Identifiers as validated records. The routing-key-safe alphabet is checked here, once:
 * every id that can become a word of an AMQP routing key is 1–128 characters of
 * {@code [A-Za-z0-9_-]}.
 */
@NullMarked
package io.weatherstation.shared.domain;

import org.jspecify.annotations.NullMarked;
