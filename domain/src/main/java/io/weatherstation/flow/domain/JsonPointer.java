package io.weatherstation.flow.domain;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers: building them token by token, and splitting them back. */
final class JsonPointer {

    static final String ROOT = "";

    private JsonPointer() {
    }

    static String append(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    static String append(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The unescaped reference tokens of {@code pointer}; empty for the root. */
    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
