package io.weatherstation.flow.adapter.in.json;

import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.flow.domain.CronSyntax;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.flow.domain.InvalidFlowDefinitionException;
import io.weatherstation.flow.domain.ProblemCodes;
import io.weatherstation.flow.domain.WeatherSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a request body into a {@link FlowDefinition}: enforces the body size limit, parses the
 * JSON strictly (duplicate keys and trailing content are errors, integers stay integral,
 * fractions become exact {@link java.math.BigDecimal}s), then hands the tree to {@link
 * WeatherSyntax#read}. Every failure is an {@link InvalidFlowDefinitionException}: {@code
 * too_large} or {@code malformed_json} at the document root, or the validation problems.
 *
 * <p>Thread-safe and immutable once built.
 */
public final class WeatherSyntaxJson {

    /** 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private static final String ROOT = "";

    private final JsonMapper mapper;
    private final NodeTypeCatalog catalog;
    private final CronSyntax cron;
    private final FlowLimits limits;
    private final int maxBodyBytes;

    /** With {@link FlowLimits#DEFAULT} and a body limit of {@link #DEFAULT_MAX_BODY_BYTES}. */
    public WeatherSyntaxJson(NodeTypeCatalog catalog, CronSyntax cron) {
        this(catalog, cron, FlowLimits.DEFAULT, DEFAULT_MAX_BODY_BYTES);
    }

    public WeatherSyntaxJson(NodeTypeCatalog catalog, CronSyntax cron, FlowLimits limits, int maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.cron = Objects.requireNonNull(cron, "cron");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxBodyBytes = maxBodyBytes;
        this.mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Reads and validates a Weather Syntax body.
     *
     * @throws InvalidFlowDefinitionException listing every problem
     */
    public FlowDefinition read(byte[] body) {
        return WeatherSyntax.read(readTree(body), catalog, cron, limits);
    }

    /**
     * Validates a Weather Syntax document already parsed into a tree (see {@link #readTree}) with
     * this reader's catalog, cron syntax and limits, storing nothing.
     *
     * @throws InvalidFlowDefinitionException listing every problem
     */
    public FlowDefinition validate(@Nullable Object tree) {
        return WeatherSyntax.read(tree, catalog, cron, limits);
    }

    /**
     * Reads and validates a Weather Syntax body from a stream, reading no more than the body limit
     * (plus one byte, to tell that it was exceeded).
     *
     * @throws InvalidFlowDefinitionException listing every problem
     * @throws UncheckedIOException           when the stream itself fails
     */
    public FlowDefinition read(InputStream body) {
        return read(boundedBytes(body));
    }

    /**
     * Parses a body into a generic JSON tree without validating it as a flow — for inbound
     * adapters whose body wraps Weather Syntax in an envelope (the compatibility API's {@code
     * flow_json}). The tree can then be passed to {@link WeatherSyntax#read}.
     *
     * @return {@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} or null
     * @throws InvalidFlowDefinitionException {@code too_large} or {@code malformed_json}
     */
    public @Nullable Object readTree(byte[] body) {
        if (body.length > maxBodyBytes) {
            throw tooLarge("the body has " + body.length + " bytes; at most " + maxBodyBytes + " are accepted");
        }
        if (isBlank(body)) {
            throw InvalidFlowDefinitionException.of(ROOT, ProblemCodes.MALFORMED_JSON,
                    "the body is empty; expected a JSON object");
        }
        try {
            return mapper.readValue(body, Object.class);
        } catch (JacksonException e) {
            StreamConstraintsException constraint = constraintViolation(e);
            if (constraint != null) {
                throw tooLarge("the body exceeds a parser limit: " + oneLine(constraint.getOriginalMessage()));
            }
            throw InvalidFlowDefinitionException.of(ROOT, ProblemCodes.MALFORMED_JSON, "malformed JSON"
                    + where(e.getLocation()) + ": " + describe(e));
        }
    }

    /** {@link #readTree(byte[])} from a stream, reading no more than the body limit plus one byte. */
    public @Nullable Object readTree(InputStream body) {
        return readTree(boundedBytes(body));
    }

    private byte[] boundedBytes(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw tooLarge("the body is larger than " + maxBodyBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    private InvalidFlowDefinitionException tooLarge(String message) {
        return InvalidFlowDefinitionException.of(ROOT, ProblemCodes.TOO_LARGE, message);
    }

    private static @Nullable StreamConstraintsException constraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException constraint) {
                return constraint;
            }
        }
        return null;
    }

    private static String where(@Nullable TokenStreamLocation location) {
        if (location == null || location == TokenStreamLocation.NA || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The parser's explanation, without its internal hints (feature names, redacted source markers). */
    private static String describe(JacksonException e) {
        String message = oneLine(e.getOriginalMessage());
        if (message.startsWith("Trailing token")) {
            return "unexpected content after the end of the JSON document";
        }
        return message
                .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll(":? enable `[^`]*` to allow$", "");
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "unreadable input" : message.strip().replaceAll("\\s+", " ");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
