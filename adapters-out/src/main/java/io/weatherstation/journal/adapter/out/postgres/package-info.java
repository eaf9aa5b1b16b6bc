/**
 * The distributed mode's journal: log lines and signals in PostgreSQL through jOOQ, schema by
 * Flyway ({@code db/migration}), table classes generated from the migrations into
 * {@code .generated} (ADR 0008).
 */
@NullMarked
package io.weatherstation.journal.adapter.out.postgres;

import org.jspecify.annotations.NullMarked;
