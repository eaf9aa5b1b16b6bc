package io.weatherstation.execution.domain;

import static io.weatherstation.execution.domain.SkipReason.UPSTREAM_FAILED;
import static io.weatherstation.execution.domain.SkipReason.UPSTREAM_SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.HandleName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkipPropagationPolicyTest {

    private static final SkipPropagationPolicy POLICY = new SkipPropagationPolicy();
    private static final EdgeKey TRUE_BRANCH = EdgeKey.of("check", "true");
    private static final EdgeKey FALSE_BRANCH = EdgeKey.of("check", "false");
    private static final EdgeKey PRICE = EdgeKey.of("price", "kline_data");
    private static final EdgeKey VAULT = EdgeKey.of("vault", "balance");
    private static final HandleName TRIGGER = HandleName.of("trigger");
    private static final HandleName AMOUNT = HandleName.of("amount");
    private static final HandleName DATA = HandleName.of("data");

    @Test
    void aNodeWithoutInputsRuns() {
        assertThat(POLICY.decide(NodeInputWiring.none(), Map.of()).outcome()).isEqualTo(SkipVerdict.Outcome.RUN);
    }

    @Test
    void runsWhenNothingWasSkipped() {
        SkipVerdict verdict = POLICY.decide(NodeInputWiring.of(InputHandleWiring.single(TRIGGER, TRUE_BRANCH)), Map.of());

        assertThat(verdict.outcome()).isEqualTo(SkipVerdict.Outcome.RUN);
        assertThat(verdict.skipReason()).isNull();
        assertThat(verdict.reason()).isEqualTo("no input was skipped");
    }

    @Test
    void aBranchNotTakenSkipsTheNodeOnIt() {
        SkipVerdict verdict = POLICY.decide(NodeInputWiring.of(InputHandleWiring.single(TRIGGER, TRUE_BRANCH)),
                Map.of(TRUE_BRANCH, UPSTREAM_SKIPPED));

        assertThat(verdict.isSkip()).isTrue();
        assertThat(verdict.skipReason()).isEqualTo(UPSTREAM_SKIPPED);
        assertThat(verdict.reason()).contains("required input 'trigger' was skipped");
    }

    @Test
    void anUpstreamFailureSkipsEvenANodeThatCouldRunOnPartialInput() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.aggregate(DATA, PRICE, VAULT),
                InputHandleWiring.single(AMOUNT, TRUE_BRANCH).optional());

        SkipVerdict verdict = POLICY.decide(wiring, Map.of(VAULT, UPSTREAM_FAILED));

        assertThat(verdict.skipReason()).isEqualTo(UPSTREAM_FAILED);
        assertThat(verdict.reason()).isEqualTo("upstream failed: vault.balance → data");
    }

    @Test
    void failureWinsOverSkip() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(TRIGGER, TRUE_BRANCH),
                InputHandleWiring.single(DATA, PRICE));

        SkipVerdict verdict = POLICY.decide(wiring, Map.of(TRUE_BRANCH, UPSTREAM_SKIPPED, PRICE, UPSTREAM_FAILED));

        assertThat(verdict.skipReason()).isEqualTo(UPSTREAM_FAILED);
    }

    @Test
    void anAggregateMergingTwoBranchesRunsOnTheBranchTaken() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.aggregate(DATA, TRUE_BRANCH, FALSE_BRANCH));

        SkipVerdict verdict = POLICY.decide(wiring, Map.of(FALSE_BRANCH, UPSTREAM_SKIPPED));

        assertThat(verdict.outcome()).isEqualTo(SkipVerdict.Outcome.RUN);
        assertThat(verdict.reason()).isEqualTo("1 skipped edge(s) leave the node runnable");
    }

    @Test
    void anAggregateWhoseEveryEdgeWasSkippedSkipsTheNode() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.aggregate(DATA, TRUE_BRANCH, FALSE_BRANCH));

        SkipVerdict verdict = POLICY.decide(wiring, Map.of(TRUE_BRANCH, UPSTREAM_SKIPPED, FALSE_BRANCH, UPSTREAM_SKIPPED));

        assertThat(verdict.skipReason()).isEqualTo(UPSTREAM_SKIPPED);
    }

    @Test
    void anOptionalInputThatWasSkippedIsLeftOut() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(DATA, PRICE),
                InputHandleWiring.single(AMOUNT, TRUE_BRANCH).optional());

        assertThat(POLICY.decide(wiring, Map.of(TRUE_BRANCH, UPSTREAM_SKIPPED)).outcome()).isEqualTo(SkipVerdict.Outcome.RUN);
    }

    @Test
    void aNodeWhoseEveryInputWasSkippedIsSkippedEvenIfAllAreOptional() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(DATA, PRICE).optional(),
                InputHandleWiring.single(AMOUNT, TRUE_BRANCH).optional());

        SkipVerdict verdict = POLICY.decide(wiring, Map.of(TRUE_BRANCH, UPSTREAM_SKIPPED, PRICE, UPSTREAM_SKIPPED));

        assertThat(verdict.skipReason()).isEqualTo(UPSTREAM_SKIPPED);
        assertThat(verdict.reason()).isEqualTo("every edge into every input was skipped");
    }

    @Test
    void anEdgeFeedingSeveralHandlesSkipsThemAll() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(DATA, PRICE).optional(),
                InputHandleWiring.single(AMOUNT, PRICE).optional());

        assertThat(POLICY.decide(wiring, Map.of(PRICE, UPSTREAM_SKIPPED)).isSkip()).isTrue();
    }

    @Test
    void perHandleMarksOnlyAffectTheirHandle() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(DATA, PRICE).optional(),
                InputHandleWiring.single(AMOUNT, PRICE));

        assertThat(POLICY.decidePerHandle(wiring, Map.of(DATA, Map.of(PRICE, UPSTREAM_SKIPPED))).isSkip()).isFalse();
        assertThat(POLICY.decidePerHandle(wiring, Map.of(AMOUNT, Map.of(PRICE, UPSTREAM_SKIPPED))).isSkip()).isTrue();
    }

    @Test
    void marksForUnwiredEdgesAreRefused() {
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(DATA, PRICE));

        assertThatThrownBy(() -> POLICY.decide(wiring, Map.of(VAULT, UPSTREAM_SKIPPED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vault.balance feeds no input handle");
        assertThatThrownBy(() -> POLICY.decidePerHandle(wiring, Map.of(AMOUNT, Map.of(PRICE, UPSTREAM_SKIPPED))))
                .hasMessageContaining("'amount', which is not wired");
        assertThatThrownBy(() -> POLICY.decidePerHandle(wiring, Map.of(DATA, Map.of(VAULT, UPSTREAM_SKIPPED))))
                .hasMessageContaining("vault.balance → data, which is not wired");
    }
}
