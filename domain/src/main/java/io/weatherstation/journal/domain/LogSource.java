package io.weatherstation.journal.domain;

import java.util.Locale;

/** Who wrote a journal line: the scheduler, a node, the station itself, or a user action. */
public enum LogSource {
    SCHEDULER, NODE, SYSTEM, USER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LogSource parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
