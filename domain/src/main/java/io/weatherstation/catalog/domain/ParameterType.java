package io.weatherstation.catalog.domain;

/** The declared type of a node parameter; config values are coerced to it at registration. */
public enum ParameterType {
    STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY, ANY;

    /** The lower-case name used in Weather Syntax error messages and the published catalog. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
