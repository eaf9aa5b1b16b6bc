package io.weatherstation.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadinessPolicyTest {

    private static final ReadinessPolicy POLICY = new ReadinessPolicy();
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final HandleName INPUT = HandleName.of("input");
    private static final HandleName DATA = HandleName.of("data");
    private static final HandleName AMOUNT = HandleName.of("amount");
    private static final EdgeKey PRICE = EdgeKey.of("price", "kline_data");
    private static final EdgeKey VAULT = EdgeKey.of("vault", "balance");
    private static final EdgeKey PRICE_B = EdgeKey.of("price_b", "kline_data");
    private static final EdgeKey CHECK_TRUE = EdgeKey.of("check", "true");

    @Test
    void aNodeWithoutConnectedInputsIsReadyAtOnce() {
        ReadinessVerdict verdict = POLICY.decide(NodeInputWiring.none(), Map.of());

        assertThat(verdict.outcome()).isEqualTo(ReadinessVerdict.Outcome.READY);
        assertThat(verdict.inputs()).isEmpty();
        assertThat(verdict.reason()).isEqualTo("node has no connected inputs");
    }

    @Test
    void waitsForEveryConnectedHandleSayingForWhat() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(INPUT, PRICE),
                InputHandleWiring.aggregate(DATA, VAULT, PRICE_B));

        ReadinessVerdict verdict = POLICY.decide(wiring, Map.of(DATA, HandleArrivals.signals(Map.of(VAULT, signal("b", 1)))));

        assertThat(verdict.outcome()).isEqualTo(ReadinessVerdict.Outcome.WAITING);
        assertThat(verdict.waitingFor()).isEqualTo(Map.of(INPUT, Set.of(PRICE), DATA, Set.of(PRICE_B)));
        assertThat(verdict.reason()).isEqualTo("waiting for price.kline_data → input, price_b.kline_data → data");
        assertThat(verdict.inputs()).isEmpty();
    }

    @Test
    void aNormalHandleGetsItsSignalsPayload() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(INPUT, PRICE));

        ReadinessVerdict verdict = POLICY.decide(wiring, Map.of(INPUT, HandleArrivals.signals(Map.of(PRICE, signal("close", 101)))));

        assertThat(verdict.isReady()).isTrue();
        assertThat(verdict.inputs()).isEqualTo(Map.of("input", Map.of("close", 101)));
        assertThat(verdict.reason()).isEqualTo("all 1 input signal(s) arrived");
    }

    @Test
    void anAggregateHandleGetsAMapKeyedBySourceHandle() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.aggregate(DATA, PRICE, VAULT));

        ReadinessVerdict verdict = POLICY.decide(wiring, Map.of(DATA, HandleArrivals.signals(
                Map.of(PRICE, signal("close", 101), VAULT, signal("usdt", 5000)))));

        assertThat(verdict.inputs()).isEqualTo(Map.of("data", Map.of(
                "kline_data", Map.of("close", 101),
                "balance", Map.of("usdt", 5000))));
    }

    @Test
    void sourcesSharingAHandleNameAreKeyedByNodeAndHandle() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.aggregate(DATA, PRICE, PRICE_B, VAULT));

        ReadinessVerdict verdict = POLICY.decide(wiring, Map.of(DATA, HandleArrivals.signals(
                Map.of(PRICE, signal("close", 1), PRICE_B, signal("close", 2), VAULT, signal("usdt", 3)))));

        @SuppressWarnings("unchecked")
        Map<String, Object> merged = (Map<String, Object>) verdict.inputs().get("data");
        assertThat(merged.keySet()).containsExactly("price.kline_data", "price_b.kline_data", "balance");
    }

    @Test
    void aSkippedRequiredInputSkipsWithoutWaitingForTheRest() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(INPUT, CHECK_TRUE),
                InputHandleWiring.single(DATA, PRICE));

        ReadinessVerdict verdict = POLICY.decide(wiring,
                Map.of(INPUT, new HandleArrivals(Map.of(), Map.of(CHECK_TRUE, SkipReason.UPSTREAM_SKIPPED))));

        assertThat(verdict.outcome()).isEqualTo(ReadinessVerdict.Outcome.SKIP);
        assertThat(verdict.skipReason()).isEqualTo(SkipReason.UPSTREAM_SKIPPED);
    }

    @Test
    void anUpstreamFailureSkipsWithThatReason() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.aggregate(DATA, PRICE, VAULT));

        ReadinessVerdict verdict = POLICY.decide(wiring, Map.of(DATA, new HandleArrivals(
                Map.of(PRICE, signal("close", 1)), Map.of(VAULT, SkipReason.UPSTREAM_FAILED))));

        assertThat(verdict.skipReason()).isEqualTo(SkipReason.UPSTREAM_FAILED);
    }

    @Test
    void skippedEdgesOfAnAggregateAreLeftOutOfItsMap() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.aggregate(DATA, PRICE, CHECK_TRUE));

        ReadinessVerdict verdict = POLICY.decide(wiring, Map.of(DATA, new HandleArrivals(
                Map.of(PRICE, signal("close", 1)), Map.of(CHECK_TRUE, SkipReason.UPSTREAM_SKIPPED))));

        assertThat(verdict.inputs()).isEqualTo(Map.of("data", Map.of("kline_data", Map.of("close", 1))));
        assertThat(verdict.reason()).isEqualTo("1 input signal(s) arrived; skipped and left out: check.true → data");
    }

    @Test
    void aSkippedOptionalInputIsLeftOut() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(INPUT, PRICE),
                InputHandleWiring.single(AMOUNT, CHECK_TRUE).optional());

        ReadinessVerdict verdict = POLICY.decide(wiring, Map.of(
                INPUT, HandleArrivals.signals(Map.of(PRICE, signal("close", 1))),
                AMOUNT, new HandleArrivals(Map.of(), Map.of(CHECK_TRUE, SkipReason.UPSTREAM_SKIPPED))));

        assertThat(verdict.isReady()).isTrue();
        assertThat(verdict.inputs()).containsOnlyKeys("input");
    }

    @Test
    void refusesArrivalsOnEdgesThatAreNotWired() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(INPUT, PRICE));

        assertThatThrownBy(() -> POLICY.decide(wiring, Map.of(DATA, HandleArrivals.none())))
                .hasMessageContaining("'data', which is not wired");
        assertThatThrownBy(() -> POLICY.decide(wiring, Map.of(INPUT, HandleArrivals.signals(Map.of(VAULT, signal("x", 1))))))
                .hasMessageContaining("vault.balance → input, an edge that is not wired");
    }

    @Test
    void verdictsCarryOnlyWhatBelongsToTheirOutcome() {
        assertThatThrownBy(() -> new ReadinessVerdict(ReadinessVerdict.Outcome.WAITING, "x", Map.of("a", 1), Map.of(INPUT, Set.of(PRICE)), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadinessVerdict.waiting(Map.of(), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadinessVerdict(ReadinessVerdict.Outcome.READY, "x", Map.of(), Map.of(), SkipReason.UPSTREAM_FAILED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Signal signal(String key, Object value) {
        return Signal.of(SignalType.JSON_DATA, Map.of(key, value), AT);
    }
}
