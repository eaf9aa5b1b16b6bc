/**
 * Real PostgreSQL, Redis and RabbitMQ for adapter and end-to-end tests (ADR 0004).
 * {@link io.weatherstation.testing.infra.TestInfrastructure} decides once per JVM whether they come
 * from Testcontainers or from localhost, and fails with the command to run when a local service is
 * down: tests never skip silently.
 */
@NullMarked
package io.weatherstation.testing.infra;

import org.jspecify.annotations.NullMarked;
