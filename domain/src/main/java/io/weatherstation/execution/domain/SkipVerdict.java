package io.weatherstation.execution.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SkipPropagationPolicy}'s answer. {@code RUN} means nothing known so far prevents
 * the node from running — not that its inputs are complete.
 *
 * @param skipReason set exactly when the outcome is {@code SKIP}
 */
public record SkipVerdict(Outcome outcome, @Nullable SkipReason skipReason, String reason) {

    public enum Outcome { RUN, SKIP }

    public SkipVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if ((outcome == Outcome.SKIP) != (skipReason != null)) {
            throw new IllegalArgumentException("a skip reason goes with SKIP and only with SKIP");
        }
    }

    public static SkipVerdict run(String reason) {
        return new SkipVerdict(Outcome.RUN, null, reason);
    }

    public static SkipVerdict skip(SkipReason skipReason, String reason) {
        return new SkipVerdict(Outcome.SKIP, Objects.requireNonNull(skipReason, "skipReason"), reason);
    }

    public boolean isSkip() {
        return outcome == Outcome.SKIP;
    }
}
