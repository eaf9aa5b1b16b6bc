package io.weatherstation.execution.adapter.out;

import static io.weatherstation.execution.adapter.out.ExecutionFixtures.T0;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.domain.EdgeKey;
import io.weatherstation.execution.domain.InputHandleWiring;
import io.weatherstation.execution.domain.NodeInputWiring;
import io.weatherstation.execution.domain.ReadinessVerdict;
import io.weatherstation.execution.domain.ReadinessVerdict.Outcome;
import io.weatherstation.execution.domain.SkipReason;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.signaling.domain.MalformedSignalException;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link TaskInbox} does: record arrivals and report READY or SKIP exactly once. */
public abstract class TaskInboxContract {

    protected abstract TaskInbox inbox();

    public static final EdgeKey A = EdgeKey.of("a", "out");
    public static final EdgeKey B = EdgeKey.of("b", "out");
    public static final EdgeKey C = EdgeKey.of("c", "out");
    public static final HandleName IN = HandleName.of("in");
    public static final HandleName ITEMS = HandleName.of("items");
    /** {@code in} ← a.out; {@code items} (aggregate) ← b.out, c.out. */
    public static final NodeInputWiring WIRING = NodeInputWiring.of(InputHandleWiring.single(IN, A),
            InputHandleWiring.aggregate(ITEMS, B, C));
    public static final NodeTaskId TASK = taskId("alpha", 0, "target");

    public static Signal signal(Object value) {
        return Signal.of(SignalType.DATA_READY, Map.of("v", value), T0);
    }

    @Test
    void waits_for_every_edge_then_is_ready_once_with_the_inputs() {
        assertThat(inbox().deliver(TASK, WIRING, A, IN, signal(1)).outcome()).isEqualTo(Outcome.WAITING);
        assertThat(inbox().deliver(TASK, WIRING, B, ITEMS, signal("b")).outcome()).isEqualTo(Outcome.WAITING);

        ReadinessVerdict ready = inbox().deliver(TASK, WIRING, C, ITEMS, signal(true));

        assertThat(ready.outcome()).isEqualTo(Outcome.READY);
        assertThat(ready.inputs()).isEqualTo(Map.of("in", Map.of("v", 1),
                "items", Map.of("b.out", Map.of("v", "b"), "c.out", Map.of("v", true))));
        assertThat(inbox().deliver(TASK, WIRING, C, ITEMS, signal(true)).outcome()).isEqualTo(Outcome.ALREADY_TRIGGERED);
        assertThat(inbox().skip(TASK, WIRING, A, SkipReason.UPSTREAM_FAILED).outcome()).isEqualTo(Outcome.ALREADY_TRIGGERED);
    }

    @Test
    void a_node_with_one_input_is_ready_on_its_signal_once() {
        NodeInputWiring one = NodeInputWiring.of(InputHandleWiring.single(IN, A));

        ReadinessVerdict ready = inbox().deliver(TASK, one, A, IN, signal(1));

        assertThat(ready.outcome()).isEqualTo(Outcome.READY);
        assertThat(ready.inputs()).isEqualTo(Map.of("in", Map.of("v", 1)));
        assertThat(inbox().deliver(TASK, one, A, IN, signal(1)).outcome()).isEqualTo(Outcome.ALREADY_TRIGGERED);
        assertThat(inbox().skip(TASK, one, A, SkipReason.UPSTREAM_FAILED).outcome()).isEqualTo(Outcome.ALREADY_TRIGGERED);
    }

    @Test
    void a_node_with_one_input_is_skipped_once_when_it_gets_nothing() {
        NodeInputWiring one = NodeInputWiring.of(InputHandleWiring.single(IN, A));

        ReadinessVerdict skip = inbox().skip(TASK, one, A, SkipReason.UPSTREAM_FAILED);

        assertThat(skip.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(skip.skipReason()).isEqualTo(SkipReason.UPSTREAM_FAILED);
        assertThat(inbox().deliver(TASK, one, A, IN, signal(1)).outcome()).isEqualTo(Outcome.ALREADY_TRIGGERED);
    }

    @Test
    void one_arrival_among_others_already_recorded_is_decided_on_the_whole_inbox() {
        NodeInputWiring two = NodeInputWiring.of(InputHandleWiring.single(IN, A), InputHandleWiring.single(ITEMS, B));
        assertThat(inbox().deliver(TASK, two, B, ITEMS, signal("b")).outcome()).isEqualTo(Outcome.WAITING);

        ReadinessVerdict ready = inbox().deliver(TASK, two, A, IN, signal("a"));

        assertThat(ready.outcome()).isEqualTo(Outcome.READY);
        assertThat(ready.inputs()).isEqualTo(Map.of("in", Map.of("v", "a"), "items", Map.of("v", "b")));
    }

    @Test
    void a_redelivery_changes_nothing() {
        inbox().deliver(TASK, WIRING, A, IN, signal(1));

        ReadinessVerdict again = inbox().deliver(TASK, WIRING, A, IN, signal(2));

        assertThat(again.outcome()).isEqualTo(Outcome.WAITING);
        assertThat(again.waitingFor()).containsOnlyKeys(ITEMS);
        inbox().deliver(TASK, WIRING, B, ITEMS, signal(3));
        assertThat(inbox().deliver(TASK, WIRING, C, ITEMS, signal(4)).inputs()).containsEntry("in", Map.of("v", 1));
    }

    @Test
    void a_signal_after_a_skip_on_the_same_edge_is_ignored() {
        inbox().skip(TASK, WIRING, B, SkipReason.UPSTREAM_SKIPPED);

        ReadinessVerdict verdict = inbox().deliver(TASK, WIRING, B, ITEMS, signal(1));

        assertThat(verdict.outcome()).isEqualTo(Outcome.WAITING);
        assertThat(verdict.waitingFor().get(ITEMS)).containsExactly(C);
    }

    @Test
    void a_required_input_that_gets_nothing_skips_the_node_once() {
        inbox().deliver(TASK, WIRING, A, IN, signal(1));
        inbox().skip(TASK, WIRING, B, SkipReason.UPSTREAM_SKIPPED);

        ReadinessVerdict skip = inbox().skip(TASK, WIRING, C, SkipReason.UPSTREAM_FAILED);

        assertThat(skip.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(skip.skipReason()).isEqualTo(SkipReason.UPSTREAM_FAILED);
        assertThat(inbox().skip(TASK, WIRING, C, SkipReason.UPSTREAM_FAILED).outcome()).isEqualTo(Outcome.ALREADY_TRIGGERED);
    }

    @Test
    void a_wildcard_signal_feeds_every_handle_its_edge_feeds() {
        EdgeKey s = EdgeKey.of("s", "out");
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(HandleName.of("x"), s),
                InputHandleWiring.single(HandleName.of("y"), s));
        Signal wildcard = Signal.of(SignalType.DATA_READY, Map.of("x", Map.of("v", 1), "y", Map.of("v", 2)), T0);

        ReadinessVerdict verdict = inbox().deliver(TASK, wiring, s, null, wildcard);

        assertThat(verdict.outcome()).isEqualTo(Outcome.READY);
        assertThat(verdict.inputs()).isEqualTo(Map.of("x", Map.of("v", 1), "y", Map.of("v", 2)));
    }

    @Test
    void a_malformed_wildcard_is_refused_before_a_decision_and_ignored_after() {
        EdgeKey s = EdgeKey.of("s", "out");
        NodeInputWiring wiring = NodeInputWiring.of(InputHandleWiring.single(HandleName.of("x"), s),
                InputHandleWiring.single(HandleName.of("y"), s));
        Signal malformed = Signal.of(SignalType.DATA_READY, Map.of("x", Map.of("v", 1)), T0);

        assertThatThrownBy(() -> inbox().deliver(TASK, wiring, s, null, malformed))
                .isInstanceOf(MalformedSignalException.class);
        inbox().deliver(TASK, wiring, s, null,
                Signal.of(SignalType.DATA_READY, Map.of("x", Map.of("v", 1), "y", Map.of("v", 2)), T0));
        assertThat(inbox().deliver(TASK, wiring, s, null, malformed).outcome()).isEqualTo(Outcome.ALREADY_TRIGGERED);
    }

    @Test
    void an_edge_that_is_not_wired_records_nothing() {
        ReadinessVerdict verdict = inbox().deliver(TASK, WIRING, EdgeKey.of("z", "out"), IN, signal(1));

        assertThat(verdict.outcome()).isEqualTo(Outcome.WAITING);
        assertThat(verdict.waitingFor()).containsOnlyKeys(IN, ITEMS);
    }

    @Test
    void tasks_have_their_own_inboxes_and_a_forgotten_cycle_starts_afresh() {
        NodeTaskId other = taskId("alpha", 1, "target");
        inbox().deliver(TASK, WIRING, A, IN, signal(1));
        inbox().deliver(TASK, WIRING, B, ITEMS, signal(1));
        inbox().deliver(TASK, WIRING, C, ITEMS, signal(1));

        assertThat(inbox().deliver(other, WIRING, A, IN, signal(1)).outcome()).isEqualTo(Outcome.WAITING);

        inbox().forgetCycle(FlowId.of("alpha"), CycleNumber.of(0));
        assertThat(inbox().deliver(TASK, WIRING, A, IN, signal(1)).outcome()).isEqualTo(Outcome.WAITING);
        assertThat(inbox().deliver(other, WIRING, B, ITEMS, signal(1)).outcome()).isEqualTo(Outcome.WAITING);

        inbox().forgetFlow(FlowId.of("alpha"));
        assertThat(inbox().deliver(other, WIRING, C, ITEMS, signal(1)).waitingFor()).containsOnlyKeys(IN, ITEMS);
    }
}
