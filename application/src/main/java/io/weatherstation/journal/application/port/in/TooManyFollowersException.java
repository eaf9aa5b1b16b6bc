package io.weatherstation.journal.application.port.in;

/** This instance already serves as many live event followers as it is configured to. */
public final class TooManyFollowersException extends RuntimeException {

    private final int limit;

    public TooManyFollowersException(int limit) {
        super("this instance already serves " + limit + " live event streams; try again later or another instance");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
