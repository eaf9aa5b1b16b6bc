package io.weatherstation.flow.domain;

import java.util.Optional;

/**
 * Port: knows which cron expressions the scheduler accepts. The scheduler's own cron
 * implementation lives in an adapter; registration asks it here so that an expression the
 * scheduler could not run is rejected up front.
 */
public interface CronSyntax {

    /**
     * @param expression a cron expression as submitted (not blank)
     * @return empty when the scheduler accepts it, else a message saying what is wrong
     */
    Optional<String> problemWith(String expression);
}
