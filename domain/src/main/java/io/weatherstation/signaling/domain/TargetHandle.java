package io.weatherstation.signaling.domain;

import io.weatherstation.shared.domain.HandleName;
import java.util.Objects;

/**
 * The last word of a signal routing key: one named input handle, or the wildcard {@code *}
 * used when one source handle feeds several input handles of the same target node (the
 * payload then holds one entry per target handle, see {@link WildcardSignals}).
 */
public sealed interface TargetHandle permits TargetHandle.Named, TargetHandle.Wildcard {

    String WILDCARD_WORD = "*";

    /** The wildcard target. */
    TargetHandle WILDCARD = new Wildcard();

    static TargetHandle named(HandleName handle) {
        return new Named(handle);
    }

    /** The routing key word. */
    String word();

    /** True when a message with this target is meant for {@code handle}. */
    boolean covers(HandleName handle);

    record Named(HandleName handle) implements TargetHandle {

        public Named {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String word() {
            return handle.value();
        }

        @Override
        public boolean covers(HandleName other) {
            return handle.equals(other);
        }

        @Override
        public String toString() {
            return handle.value();
        }
    }

    record Wildcard() implements TargetHandle {

        @Override
        public String word() {
            return WILDCARD_WORD;
        }

        @Override
        public boolean covers(HandleName handle) {
            return true;
        }

        @Override
        public String toString() {
            return WILDCARD_WORD;
        }
    }
}
