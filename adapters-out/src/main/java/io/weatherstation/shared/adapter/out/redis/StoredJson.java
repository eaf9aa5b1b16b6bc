package io.weatherstation.shared.adapter.out.redis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of documents kept in Redis. Documents are plain trees (Map / List / String /
 * Number / Boolean / null). Two readings: {@link #readDocument} keeps decimals exact
 * ({@link BigDecimal}) for definitions and configs, where a price or an amount must not drift;
 * {@link #readPayload} reads numbers as a JSON consumer would ({@code Integer}, {@code Long},
 * {@code Double}), for signal payloads, so a payload reads the same whichever transport carried it.
 */
public final class StoredJson {

    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final JsonMapper PLAIN = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private StoredJson() {
    }

    /** Writes a JSON tree. */
    public static String write(@Nullable Object tree) {
        try {
            return EXACT.writeValueAsString(tree);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a JSON object, decimals exact. */
    @SuppressWarnings("unchecked")
    public static Map<String, @Nullable Object> readDocument(String json) {
        return (Map<String, @Nullable Object>) read(EXACT, json, Map.class);
    }

    /** Reads any JSON value, decimals exact. */
    public static @Nullable Object readValue(String json) {
        return read(EXACT, json, Object.class);
    }

    /** Reads a JSON array, decimals exact. */
    public static List<?> readList(String json) {
        return read(EXACT, json, List.class);
    }

    /** Reads a JSON object with numbers as a generic JSON consumer reads them. */
    @SuppressWarnings("unchecked")
    public static Map<String, @Nullable Object> readPayload(String json) {
        return (Map<String, @Nullable Object>) read(PLAIN, json, Map.class);
    }

    /**
     * An instant as decimal epoch seconds, {@code 1633024800.0} or {@code 1633024800.25}: the form
     * the Redis seed uses for {@code next_execution} and {@code trading_flow:node:*.updated_at}.
     */
    public static String epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
        String text = seconds.toPlainString();
        return text.indexOf('.') < 0 ? text + ".0" : text;
    }

    /** Reads {@link #epochSeconds}. */
    public static Instant fromEpochSeconds(String text) {
        BigDecimal seconds = new BigDecimal(text);
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).intValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static <T> T read(JsonMapper mapper, String json, Class<T> type) {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException("stored JSON is null where a " + type.getSimpleName() + " was expected");
            }
            return value;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
