/**
 * The distributed mode's transport on RabbitMQ (ADR 0010): signals on {@code signals_exchange}
 * consumed from one shared quorum queue, stop broadcasts on a per-instance queue, and node tasks
 * on one quorum queue per node type with delayed retries and dead letters. Publishing and
 * consuming of the one transport live together here, so the two sides share one topology.
 */
@NullMarked
package io.weatherstation.execution.adapter.out.amqp;

import org.jspecify.annotations.NullMarked;
