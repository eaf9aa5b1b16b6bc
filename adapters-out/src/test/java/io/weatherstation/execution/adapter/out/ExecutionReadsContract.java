package io.weatherstation.execution.adapter.out;

import static io.weatherstation.execution.adapter.out.ExecutionFixtures.T0;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.cycle;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.definition;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.application.port.out.CycleSetups.CycleSetup;
import io.weatherstation.execution.application.port.out.ExecutionReads;
import io.weatherstation.execution.application.port.out.PauseRegistry;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseKind;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.flow.application.port.out.CycleLauncher.Trigger;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExecutionReads} does: each part of a combined read is what the separate port
 * returns, whatever is or is not stored.
 */
public abstract class ExecutionReadsContract {

    private static final FlowId FLOW = FlowId.of("alpha");
    private static final CycleNumber TWO = CycleNumber.of(2);

    protected abstract ExecutionReads reads();

    protected abstract CycleSetups setups();

    protected abstract CycleRepository cycles();

    protected abstract TerminationFlags flags();

    protected abstract PauseRegistry pauses();

    /** Everything the flow left in the stores, as deleting the flow removes it. */
    private void forgetFlow(FlowId flowId) {
        cycles().deleteFlow(flowId);
        setups().forgetFlow(flowId);
        flags().forgetFlow(flowId);
        pauses().forgetFlow(flowId);
    }

    private void start(long number, CycleSetup setup) {
        setups().remember(FLOW, CycleNumber.of(number), setup);
        cycles().insert(cycle(FLOW.value(), number), ExecutionFixtures.tasks(FLOW.value(), number));
    }

    @Test
    void nothing_stored_reads_as_nothing() {
        NodeTaskId task = taskId("alpha", 2, "src");

        ExecutionReads.TaskStart start = reads().taskStart(task);
        assertThat(start.setup()).isEmpty();
        assertThat(start.cycle()).isEmpty();
        assertThat(start.termination()).isEmpty();
        assertThat(start.pauses().isEmpty()).isTrue();
        assertThat(start.pauses().flowId()).isEqualTo(FLOW);
        ExecutionReads.CycleView view = reads().cycle(FLOW, TWO);
        assertThat(view.setup()).isEmpty();
        assertThat(view.cycle()).isEmpty();
    }

    @Test
    void a_combined_read_returns_what_the_separate_reads_return() {
        CycleSetup setup = new CycleSetup(definition(), 3, Trigger.SCHEDULE, T0.plusMillis(1_500));
        start(2, setup);
        NodeTaskId task = taskId("alpha", 2, "snk");

        assertSameAsSeparate(task);
        assertThat(reads().taskStart(task).setup()).contains(setup);

        cycles().update(FLOW, TWO, c -> {
            c.stopComponent(ComponentId.of(1), "enough", NodeId.of("keep"), T0.plusSeconds(5));
            c.requestTermination(T0.plusSeconds(6));
            return null;
        });
        flags().request(task, "stop now");
        Pause pause = new Pause(PauseTarget.node(NodeId.of("snk")), PauseKind.BREAKPOINT, "look",
                Map.of("k", List.of(1, "x")), Set.of(NodeId.of("snk")), T0);
        pauses().add(FLOW, pause);
        pauses().add(FLOW, new Pause(PauseTarget.flow(), PauseKind.MANUAL, null, Map.of(), Set.of(), T0));

        assertSameAsSeparate(task);
        ExecutionReads.TaskStart read = reads().taskStart(task);
        assertThat(read.termination()).contains("stop now");
        assertThat(read.cycle().orElseThrow().terminationRequested()).isTrue();
        assertThat(read.cycle().orElseThrow().componentStop(ComponentId.of(1))).isPresent();
        assertThat(read.pauses().pause(PauseTarget.node(NodeId.of("snk")))).contains(pause);
        assertThat(read.pauses().isFlowPaused()).isTrue();
        // Another task of the same cycle has no request of its own.
        assertThat(reads().taskStart(taskId("alpha", 2, "src")).termination()).isEmpty();
    }

    @Test
    void a_flow_deleted_and_registered_again_never_reads_its_old_setup() {
        start(0, new CycleSetup(definition(), 1, Trigger.SCHEDULE, T0));
        assertThat(reads().taskStart(taskId("alpha", 0, "src")).setup()).isPresent();

        forgetFlow(FLOW);
        assertThat(reads().taskStart(taskId("alpha", 0, "src")).setup()).isEmpty();
        assertThat(reads().cycle(FLOW, CycleNumber.of(0)).setup()).isEmpty();

        CycleSetup again = new CycleSetup(definition(), 1, Trigger.MANUAL, T0.plusSeconds(60));
        start(0, again);
        assertThat(reads().taskStart(taskId("alpha", 0, "src")).setup()).contains(again);
        assertThat(reads().cycle(FLOW, CycleNumber.of(0)).setup()).contains(again);
    }

    private void assertSameAsSeparate(NodeTaskId task) {
        ExecutionReads.TaskStart start = reads().taskStart(task);
        assertThat(start.setup()).isEqualTo(setups().find(task.flowId(), task.cycle()));
        assertSameCycle(start.cycle(), cycles().find(task.flowId(), task.cycle()));
        assertThat(start.termination()).isEqualTo(flags().requested(task));
        assertThat(start.pauses()).isEqualTo(pauses().state(task.flowId()));
        ExecutionReads.CycleView view = reads().cycle(task.flowId(), task.cycle());
        assertThat(view.setup()).isEqualTo(setups().find(task.flowId(), task.cycle()));
        assertSameCycle(view.cycle(), cycles().find(task.flowId(), task.cycle()));
    }

    private static void assertSameCycle(Optional<Cycle> combined, Optional<Cycle> separate) {
        assertThat(combined.isPresent()).isEqualTo(separate.isPresent());
        if (combined.isEmpty() || separate.isEmpty()) {
            return;
        }
        Cycle a = combined.get();
        Cycle b = separate.get();
        assertThat(a.flowId()).isEqualTo(b.flowId());
        assertThat(a.number()).isEqualTo(b.number());
        assertThat(a.status()).isEqualTo(b.status());
        assertThat(a.startTime()).isEqualTo(b.startTime());
        assertThat(a.endTime()).isEqualTo(b.endTime());
        assertThat(a.nodes()).isEqualTo(b.nodes());
        assertThat(a.componentStops()).isEqualTo(b.componentStops());
        assertThat(a.terminationRequested()).isEqualTo(b.terminationRequested());
    }
}
