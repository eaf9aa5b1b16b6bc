package io.weatherstation.signaling.domain;

import org.jspecify.annotations.Nullable;

/** Parses any key published on {@code signals_exchange}, for consumers bound with {@code flow.{id}.#}. */
public final class RoutingKeys {

    private RoutingKeys() {
    }

    /**
     * A {@link SignalRoute} when the third word is {@code component}, a {@link StopRoute} when it
     * is {@code signal}.
     *
     * @throws MalformedRoutingKeyException when the key is neither, saying why
     */
    public static RoutingKey parseAny(@Nullable String key) {
        if (key == null) {
            throw new MalformedRoutingKeyException(null, "routing key is null");
        }
        String[] words = key.split("\\.", 4);
        if (words.length >= 3) {
            switch (words[2]) {
                case "component" -> {
                    return SignalRoute.parse(key);
                }
                case "signal" -> {
                    return StopRoute.parse(key);
                }
                default -> {
                    // reported below
                }
            }
        }
        throw new MalformedRoutingKeyException(key, "neither a signal key (" + SignalRoute.SHAPE
                + ") nor a stop key (" + StopRoute.SHAPE + "): the third word must be 'component' or 'signal'");
    }
}
