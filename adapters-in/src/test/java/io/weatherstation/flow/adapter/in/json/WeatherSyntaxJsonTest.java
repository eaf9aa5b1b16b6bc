package io.weatherstation.flow.adapter.in.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.flow.domain.InvalidFlowDefinitionException;
import io.weatherstation.flow.domain.Schedule;
import io.weatherstation.flow.domain.ValidationProblem;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.testing.FixtureCronSyntax;
import io.weatherstation.testing.FixtureNodeTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WeatherSyntaxJsonTest {

    static final String SPEC_EXAMPLE = """
            {
              "name": "BTC momentum",
              "interval": 60,
              "nodes": [
                {"id": "price",  "type": "price_node",     "config": {"symbol": "BTCUSDT", "interval": "1m", "limit": 50}},
                {"id": "signal", "type": "condition_node", "config": {"expression": "input.close > input.open"}},
                {"id": "buy",    "type": "buy_node",       "config": {"symbol": "BTCUSDT", "amount": 0.01},
                 "retry": {"max_attempts": 3, "backoff_seconds": 1}, "timeout_seconds": 30}
              ],
              "edges": [
                {"source": "price",  "source_handle": "kline_data", "target": "signal", "target_handle": "input"},
                {"source": "signal", "source_handle": "true",       "target": "buy",    "target_handle": "trigger"}
              ]
            }
            """;

    final WeatherSyntaxJson json = new WeatherSyntaxJson(FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE);

    static List<ValidationProblem> problemsOf(Runnable read) {
        InvalidFlowDefinitionException rejected = catchThrowableOfType(InvalidFlowDefinitionException.class, read::run);
        assertThat(rejected).as("rejected").isNotNull();
        return rejected.problems();
    }

    @Test
    void readsTheSpecificationExampleFromBytesAndFromAStream() {
        FlowDefinition fromBytes = json.read(SPEC_EXAMPLE.getBytes(UTF_8));
        FlowDefinition fromStream = json.read(new ByteArrayInputStream(SPEC_EXAMPLE.getBytes(UTF_8)));

        assertThat(fromBytes).isEqualTo(fromStream);
        assertThat(fromBytes.schedule()).isEqualTo(new Schedule.FixedRate(Duration.ofMinutes(1)));
        assertThat(fromBytes.node(NodeId.of("buy")).orElseThrow().config())
                .containsEntry("amount", new BigDecimal("0.01"));
        assertThat(fromBytes.node(NodeId.of("price")).orElseThrow().config()).containsEntry("limit", 50L);
    }

    @Test
    void keepsIntegersIntegralAndFractionsExact() {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) json.readTree(
                "{\"i\": 1, \"l\": 12345678901, \"b\": 123456789012345678901234567890, \"f\": 1.5, \"d\": 0.1, \"e\": 1.0}"
                        .getBytes(UTF_8));

        assertThat(tree.get("i")).isEqualTo(1);
        assertThat(tree.get("l")).isEqualTo(12345678901L);
        assertThat(tree.get("b")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(tree.get("f")).isEqualTo(new BigDecimal("1.5"));
        assertThat(tree.get("d")).isEqualTo(new BigDecimal("0.1"));
        assertThat(tree.get("e")).isEqualTo(new BigDecimal("1.0"));
    }

    @Test
    void treatsAnIntegralDecimalIntervalAsWholeSecondsAndAFractionalOneAsInvalid() {
        String flow = "{\"interval\": %s, \"nodes\": [{\"id\": \"a\", \"type\": \"relay\"}]}";

        assertThat(json.read(flow.formatted("60.0").getBytes(UTF_8)).schedule())
                .isEqualTo(new Schedule.FixedRate(Duration.ofSeconds(60)));
        assertThat(problemsOf(() -> json.read(flow.formatted("1.5").getBytes(UTF_8))))
                .extracting(ValidationProblem::code).containsExactly("invalid_interval");
    }

    @Test
    void rejectsABodyOverTheDefaultLimitOfOneMebibyte() {
        assertThat(json.maxBodyBytes()).isEqualTo(1024 * 1024);
        byte[] body = paddedFlow(WeatherSyntaxJson.DEFAULT_MAX_BODY_BYTES + 1);

        assertThat(problemsOf(() -> json.read(body))).containsExactly(new ValidationProblem("", "too_large",
                "the body has 1048577 bytes; at most 1048576 are accepted"));
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        byte[] body = paddedFlow(WeatherSyntaxJson.DEFAULT_MAX_BODY_BYTES);

        assertThat(json.read(body).nodes()).hasSize(1);
        assertThat(json.read(new ByteArrayInputStream(body)).nodes()).hasSize(1);
    }

    @Test
    void stopsReadingAStreamJustPastTheLimit() {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return ' ';
            }
        };
        WeatherSyntaxJson small = new WeatherSyntaxJson(FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE, FlowLimits.DEFAULT, 1000);

        assertThat(problemsOf(() -> small.read(endless))).containsExactly(
                new ValidationProblem("", "too_large", "the body is larger than 1000 bytes"));
        assertThat(served.get()).isEqualTo(1001);
    }

    @Test
    void appliesTheDefaultNodeLimit() {
        StringBuilder body = new StringBuilder("{\"nodes\": [");
        for (int i = 0; i <= FlowLimits.DEFAULT.maxNodes(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\": \"n").append(i).append("\", \"type\": \"relay\"}");
        }
        body.append("]}");

        assertThat(problemsOf(() -> json.read(body.toString().getBytes(UTF_8)))).containsExactly(new ValidationProblem(
                "/nodes", "too_many_nodes", "a flow may have at most 1000 nodes, this one has 1001"));
    }

    @Test
    void reportsMalformedJsonWithLineAndColumn() {
        String body = "{\n  \"nodes\": [\n    {\"id\": \"a\" \"type\": \"relay\"}\n  ]\n}";

        assertThat(problemsOf(() -> json.read(body.getBytes(UTF_8)))).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEmpty();
            assertThat(problem.code()).isEqualTo("malformed_json");
            assertThat(problem.message()).startsWith("malformed JSON at line 3, column 16: Unexpected character ('\"'");
        });
    }

    @Test
    void rejectsDuplicateKeysAnywhereInTheDocument() {
        String body = "{\"nodes\": [{\"id\": \"a\", \"type\": \"relay\", \"config\": {\"x\": 1, \"x\": 2}}]}";

        assertThat(problemsOf(() -> json.read(body.getBytes(UTF_8)))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("Duplicate Object property \"x\""))
                .extracting(ValidationProblem::code).isEqualTo("malformed_json");
    }

    @Test
    void rejectsInvalidUtf8AsMalformed() {
        byte[] body = {'{', '"', 'n', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};

        assertThat(problemsOf(() -> json.read(body))).extracting(ValidationProblem::code).containsExactly("malformed_json");
    }

    @Test
    void rejectsNestingDeeperThanTheParserAllowsAsTooLarge() {
        String deep = "{\"nodes\": [{\"id\": \"a\", \"type\": \"relay\", \"data\": " + "[".repeat(2000) + "]".repeat(2000) + "}]}";

        assertThat(problemsOf(() -> json.read(deep.getBytes(UTF_8)))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("the body exceeds a parser limit: Document nesting depth"))
                .extracting(ValidationProblem::code).isEqualTo("too_large");
    }

    @Test
    void givesTheTreeToAdaptersThatUnwrapAnEnvelope() {
        Object tree = json.readTree("{\"flow_id\": \"f1\", \"flow_json\": {\"nodes\": []}}".getBytes(UTF_8));

        assertThat(tree).isEqualTo(Map.of("flow_id", "f1", "flow_json", Map.of("nodes", List.of())));
        assertThat(json.readTree("null".getBytes(UTF_8))).isNull();
    }

    @Test
    void letsAFailingStreamSurfaceAsAnIoProblem() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> json.read(broken)).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("connection reset");
    }

    @Test
    void refusesANonPositiveBodyLimit() {
        assertThatThrownBy(() -> new WeatherSyntaxJson(FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE, FlowLimits.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A valid one-node flow padded with spaces inside the document to exactly {@code size} bytes. */
    static byte[] paddedFlow(int size) {
        String head = "{\"nodes\": [{\"id\": \"a\", \"type\": \"relay\"}],";
        String tail = "\"edges\": []}";
        return (head + " ".repeat(size - head.length() - tail.length()) + tail).getBytes(UTF_8);
    }
}
