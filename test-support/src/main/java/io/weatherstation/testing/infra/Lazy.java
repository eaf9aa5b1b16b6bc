package io.weatherstation.testing.infra;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value computed on first use and then kept. A failure is not kept: the next call tries again
 * (and, for a service that is still down, fails again with the same message).
 */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> supplier;
    private @Nullable T value;

    Lazy(Supplier<T> supplier) {
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    @Override
    public synchronized T get() {
        T current = value;
        if (current == null) {
            current = Objects.requireNonNull(supplier.get(), "lazy value");
            value = current;
        }
        return current;
    }
}
