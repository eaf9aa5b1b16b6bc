package io.weatherstation.flow.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The forms Weather Syntax accepts for {@code interval} / {@code cycle_interval}: whole seconds
 * as a number ({@code 60}; {@code 0} = a single cycle), or a string — {@code "once"}, bare digits
 * ({@code "60"}, {@code "0"}), or a positive whole number with one unit {@code s}, {@code m},
 * {@code h} or {@code d} ({@code "30s"}, {@code "5m"}, {@code "1h"}, {@code "1d"}).
 */
final class IntervalSyntax {

    /** Longer intervals are certainly mistakes (a cron expression serves yearly runs). */
    static final Duration MAX = Duration.ofDays(366);

    static final String ACCEPTED_FORMS = "use whole seconds (e.g. 60), a positive whole number with one unit"
            + " s, m, h or d (\"30s\", \"5m\", \"1h\", \"1d\"), or 0 / \"once\" for a single cycle";

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,18})([smhd])", Pattern.CASE_INSENSITIVE);

    private IntervalSyntax() {
    }

    /** Either a duration (zero = once) or a problem message. */
    record Parsed(@Nullable Duration duration, @Nullable String problem) {
    }

    static Parsed parse(@Nullable Object value) {
        if (value instanceof String text) {
            return parseText(text);
        }
        BigDecimal number = JsonTrees.decimal(value);
        if (number == null) {
            return invalid("an interval is a number or a string, got " + JsonTrees.kind(value) + "; " + ACCEPTED_FORMS);
        }
        if (number.signum() < 0) {
            return invalid("the interval must not be negative, was " + JsonTrees.plain(number) + "; " + ACCEPTED_FORMS);
        }
        if (!JsonTrees.integral(number)) {
            return invalid("the interval must be a whole number of seconds, was " + JsonTrees.plain(number) + "; " + ACCEPTED_FORMS);
        }
        return withinMax(number, JsonTrees.plain(number) + " seconds");
    }

    private static Parsed parseText(String text) {
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("once")) {
            return new Parsed(Duration.ZERO, null);
        }
        if (DIGITS.matcher(trimmed).matches()) {
            return withinMax(new BigDecimal(trimmed), trimmed + " seconds");
        }
        Matcher withUnit = WITH_UNIT.matcher(trimmed);
        if (withUnit.matches()) {
            BigDecimal amount = new BigDecimal(withUnit.group(1));
            if (amount.signum() == 0) {
                return invalid("the interval " + JsonTrees.show(text) + " must be positive; " + ACCEPTED_FORMS);
            }
            long unitSeconds = switch (withUnit.group(2).toLowerCase(Locale.ROOT)) {
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3600;
                default -> 86_400;
            };
            return withinMax(amount.multiply(BigDecimal.valueOf(unitSeconds)), JsonTrees.show(text));
        }
        return invalid(JsonTrees.show(text) + " is not an interval; " + ACCEPTED_FORMS);
    }

    private static Parsed withinMax(BigDecimal seconds, String shown) {
        if (seconds.compareTo(BigDecimal.valueOf(MAX.toSeconds())) > 0) {
            return invalid("the interval " + shown + " is longer than the maximum of " + MAX.toDays()
                    + " days (" + MAX.toSeconds() + " seconds)");
        }
        return new Parsed(Duration.ofSeconds(seconds.longValueExact()), null);
    }

    private static Parsed invalid(String message) {
        return new Parsed(null, message);
    }

    /** How an interval is shown in messages: {@code 60 s}. */
    static String describe(Duration interval) {
        return interval.isZero() ? "once (0)" : interval.toSeconds() + " s";
    }
}
