package io.weatherstation.execution.adapter.out.amqp;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON bodies of the transport's messages: plain maps in, UTF-8 bytes out, and back. */
final class AmqpJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private AmqpJson() {
    }

    static byte[] write(Map<String, ?> document) {
        return MAPPER.writeValueAsBytes(document);
    }

    /** @throws IllegalArgumentException when {@code body} is not one JSON object */
    static Map<String, Object> readObject(byte[] body) {
        try {
            Map<String, Object> document = MAPPER.readValue(body, OBJECT);
            if (document == null) {
                throw new IllegalArgumentException("message body is JSON null, expected an object");
            }
            return document;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("message body is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
