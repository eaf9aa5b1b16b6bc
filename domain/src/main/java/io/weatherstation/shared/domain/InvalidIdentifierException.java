package io.weatherstation.shared.domain;

/** An identifier violates the routing-key-safe alphabet of {@link Identifier}. */
public final class InvalidIdentifierException extends IllegalArgumentException {

    private final String kind;

    public InvalidIdentifierException(String kind, String value) {
        super(kind + " " + Identifier.problem(value));
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
