package io.weatherstation.journal.domain;

import java.util.Locale;

/** Severity of a journal line. */
public enum LogLevel {
    DEBUG, INFO, WARNING, ERROR;

    public static LogLevel parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return "WARN".equals(upper) ? WARNING : valueOf(upper);
    }
}
