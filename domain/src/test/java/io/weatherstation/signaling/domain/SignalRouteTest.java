package io.weatherstation.signaling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalRouteTest {

    private static final FlowId FLOW = FlowId.of("btc-momentum");
    private static final SignalRoute ROUTE = SignalRoute.to(FLOW, ComponentId.of(0), CycleNumber.of(12),
            NodeId.of("price"), HandleName.of("kline_data"), NodeId.of("signal"), HandleName.of("input"));
    private static final String KEY =
            "flow.btc-momentum.component.0.cycle.12.from.price.handle.kline_data.to.signal.handle.input";

    @Test
    void writesTheSpecifiedRoutingKey() {
        assertThat(ROUTE.routingKey()).isEqualTo(KEY);
        assertThat(ROUTE).hasToString(KEY);
    }

    @Test
    void wildcardRouteEndsWithAStar() {
        SignalRoute wildcard = SignalRoute.wildcard(FLOW, ComponentId.of(3), CycleNumber.of(0),
                NodeId.of("price"), HandleName.of("kline_data"), NodeId.of("ai"));

        assertThat(wildcard.routingKey())
                .isEqualTo("flow.btc-momentum.component.3.cycle.0.from.price.handle.kline_data.to.ai.handle.*");
        assertThat(wildcard.isWildcard()).isTrue();
        assertThat(wildcard.namedTargetHandle()).isEmpty();
        assertThat(SignalRoute.parse(wildcard.routingKey())).isEqualTo(wildcard);
    }

    @Test
    void parsesWhatItWrites() {
        SignalRoute parsed = SignalRoute.parse(KEY);

        assertThat(parsed).isEqualTo(ROUTE);
        assertThat(parsed.isWildcard()).isFalse();
        assertThat(parsed.namedTargetHandle()).contains(HandleName.of("input"));
    }

    @Test
    void literalWordsMayAlsoBeIds() {
        SignalRoute route = SignalRoute.to(FlowId.of("flow"), ComponentId.of(1), CycleNumber.of(2), NodeId.of("handle"),
                HandleName.of("to"), NodeId.of("from"), HandleName.of("cycle"));

        assertThat(SignalRoute.parse(route.routingKey())).isEqualTo(route);
    }

    @Test
    void largestNumbersRoundTrip() {
        SignalRoute route = SignalRoute.to(FLOW, ComponentId.of(Integer.MAX_VALUE), CycleNumber.of(Long.MAX_VALUE),
                NodeId.of("a"), HandleName.of("b"), NodeId.of("c"), HandleName.of("d"));

        assertThat(SignalRoute.parse(route.routingKey())).isEqualTo(route);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            flow.f.component.0.cycle.1.from.a.handle.b.to.c                         | expected 14 words
            flow.f.component.0.cycle.1.from.a.handle.b.to.c.handle.d.extra          | expected 14 words
            flows.f.component.0.cycle.1.from.a.handle.b.to.c.handle.d               | word 1 must be 'flow' (was 'flows')
            flow.f.components.0.cycle.1.from.a.handle.b.to.c.handle.d               | word 3 must be 'component'
            flow.f.component.0.cycles.1.from.a.handle.b.to.c.handle.d               | word 5 must be 'cycle'
            flow.f.component.0.cycle.1.to.a.handle.b.from.c.handle.d                | word 7 must be 'from' (was 'to')
            flow.f.component.0.cycle.1.from.a.HANDLE.b.to.c.handle.d                | word 9 must be 'handle'
            flow.f.component.0.cycle.1.from.a.handle.b.into.c.handle.d              | word 11 must be 'to'
            flow.f.component.0.cycle.1.from.a.handle.b.to.c.port.d                  | word 13 must be 'handle'
            flow.f.component.0.cycle.-1.from.a.handle.b.to.c.handle.d               | cycle (word 6) must not be negative
            flow.f.component.-2.cycle.1.from.a.handle.b.to.c.handle.d               | component id (word 4) must not be negative
            flow.f.component.0.cycle.01.from.a.handle.b.to.c.handle.d               | without leading zeros (was '01')
            flow.f.component.0.cycle.one.from.a.handle.b.to.c.handle.d              | cycle (word 6) must be a non-negative decimal integer
            flow.f.component.0.cycle.9223372036854775808.from.a.handle.b.to.c.handle.d | cycle (word 6) is out of range
            flow.f.component.2147483648.cycle.1.from.a.handle.b.to.c.handle.d       | component id (word 4) is out of range
            flow.f.component.0.cycle.99999999999999999999999.from.a.handle.b.to.c.handle.d | is out of range
            flow.*.component.0.cycle.1.from.a.handle.b.to.c.handle.d                | not in the flow id (word 2
            flow.f.component.*.cycle.1.from.a.handle.b.to.c.handle.d                | not in the component id (word 4
            flow.f.component.0.cycle.1.from.a*.handle.b.to.c.handle.d               | not in the source node (word 8
            flow.f.component.0.cycle.1.from.a.handle.*.to.c.handle.d                | not in the source handle (word 10
            flow.f.component.0.cycle.1.from.a.handle.b.to.*.handle.d                | not in the target node (word 12
            flow.f.component.0.cycle.1.from.a.handle.b.to.c.handle.d*               | not in the target handle (word 14
            flow.f.component.0.cycle.1.from.a.handle.b.to.c.handle.**               | not in the target handle (word 14
            flow.f.component.0.cycle.1.from.a.handle.b.to.c.handle.#                | '#' is a binding wildcard
            flow.f#.component.0.cycle.1.from.a.handle.b.to.c.handle.d               | at character 7
            flow..component.0.cycle.1.from.a.handle.b.to.c.handle.d.x               | expected 14 words
            flow.f.component.0.cycle.1.from..handle.b.to.c.handle.d                 | source node (word 8) must not be empty
            flow.f.component.0.cycle.1.from.a b.handle.b.to.c.handle.d              | source node (word 8) must contain only letters
            flow.f.component.0.cycle.1.from.a.handle.b.to.c.handle.                 | target handle (word 14) must not be empty
            """)
    void rejectsMalformedKeysSayingWhatIsWrong(String key, String problem) {
        assertThatThrownBy(() -> SignalRoute.parse(key))
                .isInstanceOf(MalformedRoutingKeyException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining(key);
    }

    @Test
    void rejectsNullEmptyAndStopKeys() {
        assertThatThrownBy(() -> SignalRoute.parse(null)).isInstanceOf(MalformedRoutingKeyException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> SignalRoute.parse("")).isInstanceOf(MalformedRoutingKeyException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> SignalRoute.parse("flow.f.signal.STOP_EXECUTION.cycle.1"))
                .isInstanceOf(MalformedRoutingKeyException.class)
                .hasMessageContaining("expected 14 words");
    }

    @Test
    void rejectsIdsLongerThan128Characters() {
        String key = KEY.replace("price", "p".repeat(129));

        assertThatThrownBy(() -> SignalRoute.parse(key))
                .isInstanceOf(MalformedRoutingKeyException.class)
                .hasMessageContaining("source node (word 8) must be at most 128 characters (was 129)");
    }

    @Test
    void exceptionKeepsTheKeyAndTheProblemApart() {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(MalformedRoutingKeyException.class,
                () -> SignalRoute.parse("flow.f"));

        assertThat(thrown.key()).isEqualTo("flow.f");
        assertThat(thrown.problem()).startsWith("expected 14 words");
    }

    @Test
    void veryLongKeysAreShortenedInTheMessage() {
        String key = "x".repeat(1000);

        assertThatThrownBy(() -> SignalRoute.parse(key))
                .hasMessageContaining("(1000 characters)")
                .message().hasSizeLessThan(600);
    }

    @Test
    void bindingPatternSeesAWholeFlow() {
        assertThat(SignalRoute.bindingPatternForFlow(FLOW)).isEqualTo("flow.btc-momentum.#");
    }

    @Test
    void bindingPatternForATargetNodeCoversNamedAndWildcardHandles() {
        assertThat(SignalRoute.bindingPatternForTargetNode(FLOW, ComponentId.of(0), CycleNumber.of(12), NodeId.of("signal")))
                .isEqualTo("flow.btc-momentum.component.0.cycle.12.from.*.handle.*.to.signal.handle.*");
    }

    @Test
    void consumerChecksFlowCycleNodeAndHandle() {
        NodeId signal = NodeId.of("signal");
        HandleName input = HandleName.of("input");

        assertThat(ROUTE.isAddressedTo(FLOW, CycleNumber.of(12), signal, input)).isTrue();
        assertThat(ROUTE.isAddressedTo(FLOW, CycleNumber.of(11), signal, input)).isFalse();
        assertThat(ROUTE.isAddressedTo(FLOW, CycleNumber.of(12), NodeId.of("other"), input)).isFalse();
        assertThat(ROUTE.isAddressedTo(FLOW, CycleNumber.of(12), signal, HandleName.of("other"))).isFalse();
        assertThat(ROUTE.isAddressedTo(FlowId.of("other"), CycleNumber.of(12), signal, input)).isFalse();
        SignalRoute wildcard = SignalRoute.wildcard(FLOW, ComponentId.of(0), CycleNumber.of(12),
                NodeId.of("price"), HandleName.of("kline_data"), signal);
        assertThat(wildcard.isAddressedTo(FLOW, CycleNumber.of(12), signal, HandleName.of("any"))).isTrue();
    }

    @Test
    void tellsWhetherTheKeyFitsAmqpsLimit() {
        assertThat(ROUTE.fitsAmqpLimit()).isTrue();
        String id = "n".repeat(128);
        SignalRoute huge = SignalRoute.to(FlowId.of(id), ComponentId.of(0), CycleNumber.of(0), NodeId.of(id),
                HandleName.of(id), NodeId.of(id), HandleName.of(id));
        assertThat(huge.fitsAmqpLimit()).isFalse();
        assertThat(SignalRoute.parse(huge.routingKey())).isEqualTo(huge);
    }
}
