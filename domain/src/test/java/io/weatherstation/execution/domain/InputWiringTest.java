package io.weatherstation.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import io.weatherstation.signaling.domain.SignalType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InputWiringTest {

    private static final HandleName DATA = HandleName.of("data");

    @Test
    void edgeKeyIsWrittenSourceNodeDotSourceHandle() {
        EdgeKey edge = EdgeKey.of("price_1", "kline-data");

        assertThat(edge.display()).isEqualTo("price_1.kline-data");
        assertThat(EdgeKey.parse("price_1.kline-data")).isEqualTo(edge);
    }

    @Test
    void edgeKeyParsingRejectsOtherShapes() {
        assertThatThrownBy(() -> EdgeKey.parse("price")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeKey.parse("a.b.c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeKey.parse(".b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void edgeKeyOfARoutedSignalIsItsSourceEnd() {
        SignalRoute route = SignalRoute.parse("flow.f.component.0.cycle.1.from.price.handle.out.to.ai.handle.in");

        assertThat(EdgeKey.from(route)).isEqualTo(EdgeKey.of("price", "out"));
    }

    @Test
    void aNormalHandleHasExactlyOneEdge() {
        assertThatThrownBy(() -> new InputHandleWiring(DATA, false, true, Set.of(EdgeKey.of("a", "x"), EdgeKey.of("b", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an aggregate but has 2 incoming edges");
        assertThatThrownBy(() -> new InputHandleWiring(DATA, true, true, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without incoming edges");
    }

    @Test
    void aggregateKeysAreSourceHandleNamesUnlessShared() {
        InputHandleWiring handle = InputHandleWiring.aggregate(DATA,
                EdgeKey.of("price_a", "close"), EdgeKey.of("vault", "balance"), EdgeKey.of("price_b", "close"));

        assertThat(handle.aggregateKeys()).containsExactly(
                Map.entry(EdgeKey.of("price_a", "close"), "price_a.close"),
                Map.entry(EdgeKey.of("vault", "balance"), "balance"),
                Map.entry(EdgeKey.of("price_b", "close"), "price_b.close"));
    }

    @Test
    void handlesAreRequiredUnlessSaidOtherwise() {
        InputHandleWiring handle = InputHandleWiring.single(DATA, EdgeKey.of("a", "x"));

        assertThat(handle.required()).isTrue();
        assertThat(handle.optional().required()).isFalse();
        assertThat(handle.optional().incoming()).isEqualTo(handle.incoming());
    }

    @Test
    void aNodeWiresEachHandleOnce() {
        assertThatThrownBy(() -> NodeInputWiring.of(InputHandleWiring.single(DATA, EdgeKey.of("a", "x")),
                InputHandleWiring.single(DATA, EdgeKey.of("b", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wired twice");
    }

    @Test
    void oneEdgeMayFeedSeveralHandles() {
        EdgeKey shared = EdgeKey.of("price", "out");
        NodeInputWiring wiring = NodeInputWiring.of(
                InputHandleWiring.single(HandleName.of("prices"), shared),
                InputHandleWiring.aggregate(HandleName.of("context"), shared, EdgeKey.of("vault", "out")));

        assertThat(wiring.handlesFedBy(shared)).containsExactly(HandleName.of("prices"), HandleName.of("context"));
        assertThat(wiring.handlesFedBy(EdgeKey.of("ghost", "out"))).isEmpty();
        assertThat(wiring.edgeCount()).isEqualTo(3);
        assertThat(NodeInputWiring.none().isEmpty()).isTrue();
        assertThat(wiring.handle(HandleName.of("context")).orElseThrow().aggregate()).isTrue();
    }

    @Test
    void skipReasonsHaveWireNamesAndFailureWins() {
        assertThat(SkipReason.UPSTREAM_FAILED.wireName()).isEqualTo("upstream_failed");
        assertThat(SkipReason.fromWireName("upstream_skipped")).isEqualTo(SkipReason.UPSTREAM_SKIPPED);
        assertThat(SkipReason.UPSTREAM_SKIPPED.and(SkipReason.UPSTREAM_FAILED)).isEqualTo(SkipReason.UPSTREAM_FAILED);
        assertThat(SkipReason.UPSTREAM_SKIPPED.and(SkipReason.UPSTREAM_SKIPPED)).isEqualTo(SkipReason.UPSTREAM_SKIPPED);
        assertThatThrownBy(() -> SkipReason.fromWireName("skipped")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arrivalsCannotBothDeliverAndSkipAnEdge() {
        EdgeKey edge = EdgeKey.of("a", "x");
        Signal signal = Signal.empty(SignalType.DATA_READY, Instant.EPOCH);

        assertThatThrownBy(() -> new HandleArrivals(Map.of(edge, signal), Map.of(edge, SkipReason.UPSTREAM_SKIPPED)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
