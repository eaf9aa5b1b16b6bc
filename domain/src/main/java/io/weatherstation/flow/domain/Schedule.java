package io.weatherstation.flow.domain;

import java.time.Duration;
import java.util.Objects;

/** When a flow runs its cycles: one cycle, every fixed period, or on a cron schedule. */
public sealed interface Schedule {

    /** One cycle; the flow becomes {@code completed} when it ends. */
    Once ONCE = new Once();

    /** Whether the flow keeps starting cycles until it is stopped. */
    boolean periodic();

    /** A single cycle ({@code "interval": 0} or {@code "once"}). */
    record Once() implements Schedule {
        @Override
        public boolean periodic() {
            return false;
        }

        @Override
        public String toString() {
            return "once";
        }
    }

    /**
     * A cycle every {@code period}, measured from the scheduled time, not from when the last
     * cycle ended.
     */
    record FixedRate(Duration period) implements Schedule {
        public FixedRate {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a fixed rate needs a positive period, was " + period);
            }
        }

        @Override
        public boolean periodic() {
            return true;
        }

        @Override
        public String toString() {
            return "every " + period;
        }
    }

    /** Cycles at the times a cron expression matches (validated through {@link CronSyntax}). */
    record Cron(String expression) implements Schedule {
        public Cron {
            Objects.requireNonNull(expression, "expression");
            if (expression.isBlank()) {
                throw new IllegalArgumentException("a cron expression must not be blank");
            }
        }

        @Override
        public boolean periodic() {
            return true;
        }

        @Override
        public String toString() {
            return "cron '" + expression + "'";
        }
    }
}
