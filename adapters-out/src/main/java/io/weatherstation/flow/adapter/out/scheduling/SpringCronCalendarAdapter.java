package io.weatherstation.flow.adapter.out.scheduling;

import io.weatherstation.flow.application.port.out.CronCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Cron expressions in Spring's six-field form (second minute hour day month weekday); the common
 * five-field form is accepted too and runs at second 0.
 */
@Component
final class SpringCronCalendarAdapter implements CronCalendar {

    private final ZoneId zone;

    SpringCronCalendarAdapter(@Value("${station.scheduling.zone:UTC}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    @Override
    public Optional<String> problemWith(String expression) {
        try {
            parse(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<Instant> nextAfter(String expression, Instant after) {
        ZonedDateTime next = parse(expression).next(ZonedDateTime.ofInstant(after, zone));
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }

    private static CronExpression parse(String expression) {
        String trimmed = expression.trim();
        String[] fields = trimmed.split("\\s+");
        return CronExpression.parse(fields.length == 5 ? "0 " + trimmed : trimmed);
    }
}
