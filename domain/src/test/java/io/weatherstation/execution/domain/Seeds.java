package io.weatherstation.execution.domain;

import java.util.stream.LongStream;

/**
 * Seeds for the randomised property tests (jqwik does not run on JUnit 6). Each test reports its
 * seed on failure; rerun one with {@code -Dproperty.seed=<seed>}.
 */
final class Seeds {

    static final int COUNT = 300;

    private Seeds() {
    }

    static LongStream seeds() {
        String fixed = System.getProperty("property.seed");
        if (fixed != null && !fixed.isBlank()) {
            return LongStream.of(Long.parseLong(fixed.trim()));
        }
        return LongStream.range(0, COUNT).map(i -> 0xEDCEL * 1_000 + i);
    }
}
