package io.weatherstation.execution.domain;

import static io.weatherstation.execution.domain.ReadinessPolicyTest.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.signaling.domain.MalformedSignalException;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalType;
import io.weatherstation.signaling.domain.WildcardSignals;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessTrackerTest {

    private static final HandleName INPUT = HandleName.of("input");
    private static final HandleName DATA = HandleName.of("data");
    private static final HandleName PROMPT = HandleName.of("prompt");
    private static final EdgeKey PRICE = EdgeKey.of("price", "kline_data");
    private static final EdgeKey VAULT = EdgeKey.of("vault", "balance");
    private static final NodeInputWiring WIRING = NodeInputWiring.of(InputHandleWiring.single(INPUT, PRICE),
            InputHandleWiring.aggregate(DATA, PRICE, VAULT));

    @Test
    void reportsReadyOnceEverythingArrived() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);

        assertThat(tracker.recordSignal(INPUT, PRICE, signal("close", 1)).outcome()).isEqualTo(Arrival.Outcome.RECORDED);
        assertThat(tracker.evaluate().outcome()).isEqualTo(ReadinessVerdict.Outcome.WAITING);
        tracker.recordSignal(DATA, PRICE, signal("close", 1));
        tracker.recordSignal(DATA, VAULT, signal("usdt", 2));

        ReadinessVerdict verdict = tracker.evaluate();

        assertThat(verdict.isReady()).isTrue();
        assertThat(verdict.inputs()).isEqualTo(Map.of("input", Map.of("close", 1),
                "data", Map.of("kline_data", Map.of("close", 1), "balance", Map.of("usdt", 2))));
        assertThat(tracker.isDecided()).isTrue();
    }

    @Test
    void whenEveryEdgeDeliveredTheVerdictIsThePolicysVerdict() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);
        tracker.recordSignal(DATA, VAULT, signal("usdt", 2));
        tracker.recordSignal(INPUT, PRICE, signal("close", 1));
        tracker.recordSignal(DATA, PRICE, signal("close", 1));

        ReadinessVerdict verdict = tracker.evaluate();
        ReadinessVerdict policys = new ReadinessPolicy().decide(WIRING, tracker.arrivals());

        assertThat(verdict.outcome()).isEqualTo(policys.outcome()).isEqualTo(ReadinessVerdict.Outcome.READY);
        assertThat(verdict.inputs()).isEqualTo(policys.inputs());
        assertThat(List.copyOf(verdict.inputs().keySet())).containsExactly("input", "data");
        assertThat(verdict.reason()).isEqualTo(policys.reason()).isEqualTo("all 3 input signal(s) arrived");
    }

    @Test
    void reportsReadyOnlyOnce() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(NodeInputWiring.of(InputHandleWiring.single(INPUT, PRICE)));
        tracker.recordSignal(INPUT, PRICE, signal("close", 1));

        assertThat(tracker.evaluate().outcome()).isEqualTo(ReadinessVerdict.Outcome.READY);
        assertThat(tracker.evaluate().outcome()).isEqualTo(ReadinessVerdict.Outcome.ALREADY_TRIGGERED);
        assertThat(tracker.evaluate().reason()).isEqualTo("readiness was already decided (READY)");
    }

    @Test
    void aNodeWithoutInputsIsTriggeredOnce() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(NodeInputWiring.none());

        assertThat(tracker.evaluate().isReady()).isTrue();
        assertThat(tracker.evaluate().outcome()).isEqualTo(ReadinessVerdict.Outcome.ALREADY_TRIGGERED);
    }

    @Test
    void aRedeliveredSignalChangesNothing() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(NodeInputWiring.of(InputHandleWiring.single(INPUT, PRICE)));
        tracker.recordSignal(INPUT, PRICE, signal("close", 1));

        Arrival again = tracker.recordSignal(INPUT, PRICE, signal("close", 999));

        assertThat(again.outcome()).isEqualTo(Arrival.Outcome.DUPLICATE);
        assertThat(again.reason()).contains("already delivered a signal");
        assertThat(tracker.evaluate().inputs()).isEqualTo(Map.of("input", Map.of("close", 1)));
    }

    @Test
    void aSignalOnASkippedEdgeIsADuplicate() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);
        tracker.recordSkip(DATA, VAULT, SkipReason.UPSTREAM_SKIPPED);

        Arrival late = tracker.recordSignal(DATA, VAULT, signal("usdt", 2));

        assertThat(late.outcome()).isEqualTo(Arrival.Outcome.DUPLICATE);
        assertThat(late.reason()).contains("was already skipped");
    }

    @Test
    void signalsOnEdgesThatAreNotWiredAreIgnored() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);

        assertThat(tracker.recordSignal(INPUT, VAULT, signal("x", 1)).outcome()).isEqualTo(Arrival.Outcome.UNKNOWN_EDGE);
        assertThat(tracker.recordSignal(PROMPT, PRICE, signal("x", 1)).outcome()).isEqualTo(Arrival.Outcome.UNKNOWN_EDGE);
        assertThat(tracker.recordSkip(EdgeKey.of("ghost", "out"), SkipReason.UPSTREAM_SKIPPED))
                .singleElement().satisfies(arrival -> {
                    assertThat(arrival.outcome()).isEqualTo(Arrival.Outcome.UNKNOWN_EDGE);
                    assertThat(arrival.handle()).isNull();
                });
        assertThat(tracker.arrivals().values()).allMatch(arrivals -> arrivals.signals().isEmpty());
    }

    @Test
    void aSkippedEdgeMarksEveryHandleItFeeds() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);

        List<Arrival> arrivals = tracker.recordSkip(PRICE, SkipReason.UPSTREAM_SKIPPED);

        assertThat(arrivals).extracting(Arrival::handle).containsExactly(INPUT, DATA);
        ReadinessVerdict verdict = tracker.evaluate();
        assertThat(verdict.outcome()).isEqualTo(ReadinessVerdict.Outcome.SKIP);
        assertThat(verdict.skipReason()).isEqualTo(SkipReason.UPSTREAM_SKIPPED);
        assertThat(tracker.evaluate().outcome()).isEqualTo(ReadinessVerdict.Outcome.ALREADY_TRIGGERED);
    }

    @Test
    void deliveriesAfterTheDecisionAreIgnored() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);
        tracker.recordSkip(PRICE, SkipReason.UPSTREAM_FAILED);
        tracker.evaluate();

        assertThat(tracker.recordSignal(DATA, VAULT, signal("usdt", 2)).outcome()).isEqualTo(Arrival.Outcome.AFTER_DECISION);
        assertThat(tracker.arrivals().get(DATA).signals()).isEmpty();
    }

    @Test
    void aLateWildcardSignalIsIgnoredWithoutLookingAtItsPayload() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);
        tracker.recordSkip(VAULT, SkipReason.UPSTREAM_FAILED);
        tracker.evaluate();
        Signal malformed = Signal.of(SignalType.PRICE_DATA, Map.of("unrelated", 1), Instant.EPOCH);

        assertThat(tracker.recordWildcardSignal(PRICE, malformed))
                .extracting(Arrival::outcome).containsOnly(Arrival.Outcome.AFTER_DECISION);
    }

    @Test
    void aWildcardSignalOnAnEdgeThatFeedsNothingIsUnknown() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);

        assertThat(tracker.recordWildcardSignal(EdgeKey.of("ghost", "out"), signal("x", 1)))
                .extracting(Arrival::outcome).containsExactly(Arrival.Outcome.UNKNOWN_EDGE);
    }

    @Test
    void aRedeliveryAfterTheDecisionIsStillADuplicate() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(NodeInputWiring.of(InputHandleWiring.single(INPUT, PRICE)));
        tracker.recordSignal(INPUT, PRICE, signal("close", 1));
        tracker.evaluate();

        assertThat(tracker.recordSignal(INPUT, PRICE, signal("close", 1)).outcome()).isEqualTo(Arrival.Outcome.DUPLICATE);
    }

    @Test
    void aWildcardSignalIsSplitAcrossTheHandlesItsEdgeFeeds() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);
        Signal wildcard = WildcardSignals.combine(SignalType.PRICE_DATA,
                Map.of(INPUT, Map.of("close", 1), DATA, Map.of("close", 2)), Instant.EPOCH);

        List<Arrival> arrivals = tracker.recordWildcardSignal(PRICE, wildcard);
        tracker.recordSignal(DATA, VAULT, signal("usdt", 3));

        assertThat(arrivals).extracting(Arrival::outcome).containsOnly(Arrival.Outcome.RECORDED);
        assertThat(tracker.evaluate().inputs()).isEqualTo(Map.of("input", Map.of("close", 1),
                "data", Map.of("kline_data", Map.of("close", 2), "balance", Map.of("usdt", 3))));
    }

    @Test
    void aMalformedWildcardSignalRecordsNothing() {
        ReadinessTracker tracker = ReadinessTracker.forInputs(WIRING);
        Signal partial = Signal.of(SignalType.PRICE_DATA, Map.of("input", Map.of("close", 1)), Instant.EPOCH);

        assertThatThrownBy(() -> tracker.recordWildcardSignal(PRICE, partial)).isInstanceOf(MalformedSignalException.class);
        assertThat(tracker.arrivals().get(INPUT).signals()).isEmpty();
    }

    @Test
    void restoresFromStorage() {
        ReadinessTracker tracker = ReadinessTracker.restore(WIRING, Map.of(
                INPUT, HandleArrivals.signals(Map.of(PRICE, signal("close", 1))),
                DATA, new HandleArrivals(Map.of(PRICE, signal("close", 1)), Map.of(VAULT, SkipReason.UPSTREAM_SKIPPED))),
                false);

        assertThat(tracker.evaluate().isReady()).isTrue();
        assertThat(ReadinessTracker.restore(WIRING, Map.of(), true).evaluate().outcome())
                .isEqualTo(ReadinessVerdict.Outcome.ALREADY_TRIGGERED);
    }

    @Test
    void restoringRefusesArrivalsThatAreNotWired() {
        assertThatThrownBy(() -> ReadinessTracker.restore(WIRING,
                Map.of(PROMPT, HandleArrivals.signals(Map.of(PRICE, signal("x", 1)))), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot restore");
    }
}
