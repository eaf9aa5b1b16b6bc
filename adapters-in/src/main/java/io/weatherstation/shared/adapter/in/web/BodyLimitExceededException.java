package io.weatherstation.shared.adapter.in.web;

import java.io.IOException;

/**
 * A request body is larger than the station accepts. An {@link IOException} so that it can be
 * thrown from a request's input stream while a body is being read.
 */
public final class BodyLimitExceededException extends IOException {

    public BodyLimitExceededException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes, the most this station accepts");
    }
}
