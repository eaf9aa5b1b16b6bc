package io.weatherstation.execution.adapter.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.application.port.out.ParkedTasks;
import io.weatherstation.execution.application.port.out.PartialRuns;
import io.weatherstation.execution.application.port.out.PauseRegistry;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.execution.domain.PartialRun;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseKind;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.flow.domain.PartialRunMode;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What every {@link PauseRegistry}, {@link ParkedTasks} and {@link PartialRuns} does. */
public abstract class ControlsContract {

    protected static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    protected static final FlowId FLOW = FlowId.of("alpha");

    protected abstract PauseRegistry pauses();

    protected abstract ParkedTasks parked();

    protected abstract PartialRuns partialRuns();

    protected static Pause nodePause(String node) {
        return new Pause(PauseTarget.node(NodeId.of(node)), PauseKind.BREAKPOINT, "look", Map.of("k", List.of(1, "x")),
                Set.of(NodeId.of(node)), T0);
    }

    @Test
    void a_target_is_paused_once_and_resumed_once() {
        Pause component = new Pause(PauseTarget.component(ComponentId.of(1)), PauseKind.MANUAL, null, Map.of(),
                Set.of(NodeId.of("b"), NodeId.of("c")), T0);

        assertThat(pauses().add(FLOW, nodePause("a"))).isTrue();
        assertThat(pauses().add(FLOW, nodePause("a"))).isFalse();
        assertThat(pauses().add(FLOW, component)).isTrue();
        assertThat(pauses().add(FLOW, new Pause(PauseTarget.flow(), PauseKind.ERROR, "x", Map.of(), Set.of(), T0)))
                .isTrue();

        var state = pauses().state(FLOW);
        assertThat(state.pauses()).extracting(p -> p.target().key()).containsExactly("flow", "component:1", "node:a");
        assertThat(state.pause(PauseTarget.node(NodeId.of("a")))).contains(nodePause("a"));
        assertThat(state.pause(PauseTarget.component(ComponentId.of(1)))).contains(component);
        assertThat(pauses().state(FlowId.of("bravo")).isEmpty()).isTrue();

        assertThat(pauses().remove(FLOW, PauseTarget.node(NodeId.of("a")))).contains(nodePause("a"));
        assertThat(pauses().remove(FLOW, PauseTarget.node(NodeId.of("a")))).isEmpty();
        assertThat(pauses().state(FLOW).pauses()).hasSize(2);

        pauses().forgetFlow(FLOW);
        assertThat(pauses().state(FLOW).isEmpty()).isTrue();
    }

    @Test
    void of_concurrent_resumes_exactly_one_wins() throws Exception {
        pauses().add(FLOW, nodePause("a"));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return pauses().remove(FLOW, PauseTarget.node(NodeId.of("a"))).isPresent();
            }));
        }
        go.countDown();

        assertThat(racers.stream().map(CompletableFuture::join).filter(won -> won)).hasSize(1);
    }

    @Test
    void a_parked_task_is_taken_once_with_its_inputs() {
        NodeTaskId id = NodeTaskId.of(FLOW, CycleNumber.of(3), NodeId.of("buy"));
        TaskAssignment assignment = new TaskAssignment(id, "buy_node", ComponentId.of(2),
                Map.of("price", Map.of("close", new BigDecimal("97810.5"), "symbol", "BTC")), 2);
        NodeTaskId partial = NodeTaskId.of(FLOW, PartialRunId.of(4).cycle(), NodeId.of("buy"));

        parked().park(assignment);
        parked().park(new TaskAssignment(partial, "buy_node", ComponentId.of(0), Map.of(), 1));

        assertThat(parked().parked(FLOW)).extracting(TaskAssignment::task).containsExactlyInAnyOrder(id, partial);
        assertThat(parked().parked(FlowId.of("bravo"))).isEmpty();
        assertThat(parked().take(id)).contains(assignment);
        assertThat(parked().take(id)).isEmpty();
        assertThat(parked().parked(FLOW)).extracting(TaskAssignment::task).containsExactly(partial);

        parked().forgetFlow(FLOW);
        assertThat(parked().parked(FLOW)).isEmpty();
    }

    @Test
    void partial_runs_are_numbered_per_flow_and_listed_newest_first() {
        PartialRunId first = partialRuns().claimNext(FLOW);
        PartialRunId second = partialRuns().claimNext(FLOW);
        assertThat(first).isEqualTo(PartialRunId.of(1));
        assertThat(second).isEqualTo(PartialRunId.of(2));
        assertThat(partialRuns().claimNext(FlowId.of("bravo"))).isEqualTo(PartialRunId.of(1));

        PartialRun run = new PartialRun(FLOW, first, NodeId.of("b"), PartialRunMode.DOWNSTREAM,
                List.of(NodeId.of("b"), NodeId.of("c")),
                List.of(new PartialRun.Input(NodeId.of("b"), HandleName.of("input"), Map.of("value", "forty-two"))), T0);
        partialRuns().save(run);
        partialRuns().save(new PartialRun(FLOW, second, NodeId.of("c"), PartialRunMode.SINGLE, List.of(NodeId.of("c")),
                List.of(), T0.plusSeconds(1)));

        assertThat(partialRuns().find(FLOW, first)).contains(run);
        assertThat(partialRuns().find(FLOW, PartialRunId.of(9))).isEmpty();
        assertThat(partialRuns().findByFlow(FLOW, 10)).extracting(PartialRun::id).containsExactly(second, first);
        assertThat(partialRuns().findByFlow(FLOW, 1)).extracting(PartialRun::id).containsExactly(second);

        partialRuns().forgetFlow(FLOW);
        assertThat(partialRuns().findByFlow(FLOW, 10)).isEmpty();
    }

    @Test
    void concurrent_claims_never_hand_out_a_number_twice() {
        List<CompletableFuture<PartialRunId>> claims = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            claims.add(CompletableFuture.supplyAsync(() -> partialRuns().claimNext(FLOW)));
        }
        List<Long> numbers = Collections.synchronizedList(new ArrayList<>());
        claims.forEach(c -> numbers.add(c.join().value()));

        assertThat(numbers).doesNotHaveDuplicates().hasSize(50).allMatch(n -> n >= 1 && n <= 50);
    }
}
