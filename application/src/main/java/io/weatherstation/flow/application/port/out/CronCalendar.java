package io.weatherstation.flow.application.port.out;

import io.weatherstation.flow.domain.CronSyntax;
import java.time.Instant;
import java.util.Optional;

/** Cron expressions: validation (as {@link CronSyntax}) and the next fire time. */
public interface CronCalendar extends CronSyntax {

    /** The first fire time strictly after {@code after}; empty when the expression never fires again. */
    Optional<Instant> nextAfter(String expression, Instant after);
}
