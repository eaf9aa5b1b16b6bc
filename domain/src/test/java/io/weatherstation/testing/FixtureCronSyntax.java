package io.weatherstation.testing;

import io.weatherstation.flow.domain.CronSyntax;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A stand-in for the scheduler's cron syntax in tests: six whitespace-separated fields (second,
 * minute, hour, day of month, month, day of week) of cron characters. Enough to tell a plausible
 * expression from garbage; the real check is the scheduler adapter's.
 */
public final class FixtureCronSyntax implements CronSyntax {

    public static final FixtureCronSyntax INSTANCE = new FixtureCronSyntax();

    private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*?/,#-]+");

    private FixtureCronSyntax() {
    }

    @Override
    public Optional<String> problemWith(String expression) {
        String[] fields = expression.strip().split("\\s+");
        if (fields.length != 6) {
            return Optional.of("expected 6 fields (second minute hour day-of-month month day-of-week), found "
                    + fields.length);
        }
        for (String field : fields) {
            if (!FIELD.matcher(field).matches()) {
                return Optional.of("field '" + field + "' contains characters that are not cron syntax");
            }
        }
        return Optional.empty();
    }
}
