package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.testing.FixtureCronSyntax;
import io.weatherstation.testing.FixtureNodeTypes;
import io.weatherstation.testing.JsonText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeatherSyntaxReadingTest {

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

    static final String EDITOR_FORM = """
            {"name":"BTC brief","thumbnailUrl":"https://example.test/t.png",
             "nodes":[
              {"id":"price_node_1","type":"price_node","position":{"x":0,"y":0},
               "data":{"title":"BTC price","collection":"input",
                 "inputs":[{"id":"symbol","title":"Symbol","type":"text","value":"bitcoin"}],
                 "outputs":[{"id":"data","title":"Data","type":"object"}]}},
              {"id":"ai_model_node_1","type":"ai_model_node","position":{"x":400,"y":0},
               "data":{"title":"Analyst","collection":"compute",
                 "inputs":[{"id":"prompt","title":"Prompt","type":"paragraph","value":"Summarise the trend"},
                           {"id":"price_data","title":"Price","type":"object"}],
                 "outputs":[{"id":"ai_response","title":"AI Response","type":"object"}]}}],
             "edges":[{"id":"e1","source":"price_node_1","sourceHandle":"data","target":"ai_model_node_1",
                       "targetHandle":"price_data","type":"smoothstep","animated":true}]}
            """;

    static FlowDefinition read(String json) {
        return WeatherSyntax.read(JsonText.parse(json), FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE, FlowLimits.DEFAULT);
    }

    @Test
    void readsTheSpecificationExample() {
        FlowDefinition flow = read(SPEC_EXAMPLE);

        assertThat(flow.name()).isEqualTo("BTC momentum");
        assertThat(flow.schedule()).isEqualTo(new Schedule.FixedRate(Duration.ofSeconds(60)));
        assertThat(flow.schedule().periodic()).isTrue();
        assertThat(flow.maxConcurrentCycles()).isEqualTo(1);
        assertThat(flow.nodeIds()).containsExactly(NodeId.of("price"), NodeId.of("signal"), NodeId.of("buy"));
        assertThat(flow.edges()).containsExactly(
                EdgeDefinition.of("price", "kline_data", "signal", "input"),
                EdgeDefinition.of("signal", "true", "buy", "trigger"));
        assertThat(flow.extras()).isEmpty();

        NodeDefinition buy = flow.node(NodeId.of("buy")).orElseThrow();
        assertThat(buy.type()).isEqualTo("buy_node");
        assertThat(buy.config()).containsExactly(Map.entry("symbol", "BTCUSDT"), Map.entry("amount", new BigDecimal("0.01")));
        assertThat(buy.retry()).isEqualTo(new RetryPolicy(3, Duration.ofSeconds(1)));
        assertThat(buy.timeout()).isEqualTo(Duration.ofSeconds(30));

        NodeDefinition price = flow.node(NodeId.of("price")).orElseThrow();
        assertThat(price.config()).containsExactly(
                Map.entry("symbol", "BTCUSDT"), Map.entry("interval", "1m"), Map.entry("limit", 50L));
        assertThat(price.retry()).isEqualTo(RetryPolicy.NONE);
        assertThat(price.timeout()).isEqualTo(NodeDefinition.DEFAULT_TIMEOUT);
    }

    @Test
    void offersNavigationByNodeAndEdgeDirection() {
        FlowDefinition flow = read(SPEC_EXAMPLE);

        assertThat(flow.incomingEdges(NodeId.of("signal"))).containsExactly(EdgeDefinition.of("price", "kline_data", "signal", "input"));
        assertThat(flow.outgoingEdges(NodeId.of("signal"))).containsExactly(EdgeDefinition.of("signal", "true", "buy", "trigger"));
        assertThat(flow.incomingEdges(NodeId.of("price"))).isEmpty();
        assertThat(flow.node(NodeId.of("nope"))).isEmpty();
    }

    @Test
    void readsTheEditorFormWithCamelCaseHandlesAndInputValues() {
        FlowDefinition flow = read(EDITOR_FORM);

        assertThat(flow.extras()).containsExactly(Map.entry("thumbnailUrl", "https://example.test/t.png"));
        assertThat(flow.schedule()).isEqualTo(Schedule.ONCE);
        NodeDefinition price = flow.nodes().getFirst();
        assertThat(price.config()).containsExactly(
                Map.entry("symbol", "bitcoin"), Map.entry("interval", "1m"), Map.entry("limit", 100L));
        assertThat(price.extras()).containsKeys("position", "data");
        assertThat(price.extras().get("position")).isEqualTo(Map.of("x", 0, "y", 0));

        NodeDefinition analyst = flow.nodes().get(1);
        assertThat(analyst.config()).containsExactly(
                Map.entry("prompt", "Summarise the trend"), Map.entry("model", "gpt-4o-mini"));

        EdgeDefinition edge = flow.edges().getFirst();
        assertThat(edge.sourceHandle()).isEqualTo(HandleName.of("data"));
        assertThat(edge.targetHandle()).isEqualTo(HandleName.of("price_data"));
        assertThat(edge.extras()).containsExactly(
                Map.entry("id", "e1"), Map.entry("type", "smoothstep"), Map.entry("animated", true));
    }

    @Test
    void prefersConfigOverEditorInputsWhenBothArePresent() {
        FlowDefinition flow = read("""
                {"nodes": [{"id": "p", "type": "price_node", "config": {"symbol": "ETHUSDT"},
                            "data": {"inputs": [{"id": "symbol", "value": "bitcoin"}]}}]}
                """);

        assertThat(flow.nodes().getFirst().config()).containsEntry("symbol", "ETHUSDT");
        assertThat(flow.nodes().getFirst().extras()).containsKey("data");
    }

    @Test
    void acceptsBothHandleSpellingsWhenTheyAgree() {
        FlowDefinition flow = read("""
                {"nodes": [{"id": "a", "type": "source", "config": {"symbol": "X"}},
                           {"id": "b", "type": "sink"}],
                 "edges": [{"source": "a", "source_handle": "out", "sourceHandle": "out",
                            "target": "b", "target_handle": "in", "targetHandle": "in"}]}
                """);

        assertThat(flow.edges()).containsExactly(EdgeDefinition.of("a", "out", "b", "in"));
        assertThat(flow.edges().getFirst().extras()).isEmpty();
    }

    @Test
    void treatsAbsentEdgesAsNone() {
        FlowDefinition flow = read("""
                {"nodes": [{"id": "a", "type": "source", "config": {"symbol": "X"}}]}
                """);

        assertThat(flow.edges()).isEmpty();
    }

    @Test
    void coercesParameterValuesLosslesslyToTheirDeclaredTypes() {
        FlowDefinition flow = read("""
                {"nodes": [
                  {"id": "a", "type": "params", "config": {"count": "42", "amount": "0.5", "flag": "true"}},
                  {"id": "b", "type": "params", "config": {"count": 7.0, "amount": 3, "flag": false}},
                  {"id": "c", "type": "params", "config": {"count": " -3 ", "flag": "FALSE", "amount": 1e2}}
                ]}
                """);

        assertThat(flow.nodes().get(0).config()).containsExactly(
                Map.entry("count", 42L), Map.entry("amount", new BigDecimal("0.5")), Map.entry("flag", true));
        assertThat(flow.nodes().get(1).config()).containsExactly(
                Map.entry("count", 7L), Map.entry("amount", new BigDecimal("3")), Map.entry("flag", false));
        assertThat(flow.nodes().get(2).config()).containsExactly(
                Map.entry("count", -3L), Map.entry("flag", false), Map.entry("amount", new BigDecimal("1e2")));
    }

    @Test
    void keepsObjectArrayAnyAndUndeclaredParametersAsSubmitted() {
        FlowDefinition flow = read("""
                {"nodes": [{"id": "a", "type": "params",
                  "config": {"headers": {"X-Key": "v"}, "tags": ["a", 1], "payload": [{"k": null}],
                             "undeclared": {"nested": [1, 2]}, "nothing": null}}]}
                """);

        Map<String, Object> config = flow.nodes().getFirst().config();
        assertThat(config.get("headers")).isEqualTo(Map.of("X-Key", "v"));
        assertThat(config.get("tags")).isEqualTo(List.of("a", 1));
        assertThat(config.get("undeclared")).isEqualTo(Map.of("nested", List.of(1, 2)));
        assertThat(config).containsKey("nothing");
        assertThat(config.get("nothing")).isNull();
    }

    @Test
    void fillsDefaultsWhenAParameterIsAbsentOrNull() {
        FlowDefinition flow = read("""
                {"nodes": [{"id": "a", "type": "source", "config": {"symbol": "X", "limit": null}}]}
                """);

        assertThat(flow.nodes().getFirst().config()).containsExactly(
                Map.entry("symbol", "X"), Map.entry("limit", 50L), Map.entry("interval", "1m"));
    }

    @Test
    void returnsImmutableCollections() {
        FlowDefinition flow = read(EDITOR_FORM);

        assertThatThrownBy(() -> flow.nodes().getFirst().config().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> position = (Map<String, Object>) flow.nodes().getFirst().extras().get("position");
        assertThatThrownBy(() -> position.put("z", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> flow.edges().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void isNotAffectedByLaterChangesToTheSubmittedTree() {
        Map<String, Object> document = JsonText.object("""
                {"nodes": [{"id": "a", "type": "params", "config": {"headers": {"k": "v"}}, "label": "L"}]}
                """);
        FlowDefinition flow = WeatherSyntax.read(document, FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE, FlowLimits.DEFAULT);

        @SuppressWarnings("unchecked")
        Map<String, Object> node = (Map<String, Object>) ((List<Object>) document.get("nodes")).getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) node.get("config")).get("headers");
        headers.put("k", "changed");
        node.put("label", "changed");

        assertThat(flow.nodes().getFirst().config().get("headers")).isEqualTo(Map.of("k", "v"));
        assertThat(flow.nodes().getFirst().extras().get("label")).isEqualTo("L");
    }

    @Test
    void readsFlowOptions() {
        FlowDefinition flow = read("""
                {"name": null, "max_concurrent_cycles": 3, "cron": "0 */5 * * * *",
                 "nodes": [{"id": "a", "type": "source", "config": {"symbol": "X"},
                            "retry": {"max_attempts": 2}, "timeout_seconds": 0.5}]}
                """);

        assertThat(flow.name()).isNull();
        assertThat(flow.maxConcurrentCycles()).isEqualTo(3);
        assertThat(flow.schedule()).isEqualTo(new Schedule.Cron("0 */5 * * * *"));
        assertThat(flow.nodes().getFirst().retry()).isEqualTo(new RetryPolicy(2, RetryPolicy.DEFAULT_INITIAL_BACKOFF));
        assertThat(flow.nodes().getFirst().timeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void acceptsCronWithAZeroInterval() {
        FlowDefinition flow = read("""
                {"interval": 0, "cron": "0 0 * * * *", "nodes": [{"id": "a", "type": "source", "config": {"symbol": "X"}}]}
                """);

        assertThat(flow.schedule()).isEqualTo(new Schedule.Cron("0 0 * * * *"));
    }

    @Test
    void writesCanonicalSyntaxThatReadsBackToAnEqualDefinition() {
        for (String document : List.of(SPEC_EXAMPLE, EDITOR_FORM, """
                {"cron": "0 0 * * * *", "max_concurrent_cycles": 2, "custom": [1],
                 "nodes": [{"id": "a", "type": "params", "config": {"amount": 0.010, "payload": null},
                            "retry": {"max_attempts": 4, "backoff_seconds": 0.25}, "timeout_seconds": 1.5}]}
                """)) {
            FlowDefinition flow = read(document);

            Map<String, Object> written = WeatherSyntax.write(flow);

            assertThat(WeatherSyntax.read(written, FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE, FlowLimits.DEFAULT))
                    .isEqualTo(flow);
        }
    }

    @Test
    void writesSnakeCaseHandlesAndTheIntervalInSeconds() {
        Map<String, Object> written = WeatherSyntax.write(read(EDITOR_FORM));

        assertThat(written.get("interval")).isEqualTo(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> edge = (Map<String, Object>) ((List<Object>) written.get("edges")).getFirst();
        assertThat(edge).containsEntry("source_handle", "data").containsEntry("target_handle", "price_data")
                .doesNotContainKeys("sourceHandle", "targetHandle");
        assertThat(WeatherSyntax.write(read(SPEC_EXAMPLE)).get("interval")).isEqualTo(60L);
    }
}
