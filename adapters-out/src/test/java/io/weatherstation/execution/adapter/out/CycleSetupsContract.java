package io.weatherstation.execution.adapter.out;

import static io.weatherstation.execution.adapter.out.ExecutionFixtures.T0;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.definition;
import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.application.port.out.CycleSetups.CycleSetup;
import io.weatherstation.flow.application.port.out.CycleLauncher.Trigger;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import org.junit.jupiter.api.Test;

/** What every {@link CycleSetups} does. */
public abstract class CycleSetupsContract {

    protected abstract CycleSetups setups();

    private static final FlowId FLOW = FlowId.of("alpha");

    @Test
    void a_remembered_setup_is_found_as_it_was() {
        CycleSetup setup = new CycleSetup(definition(), 3, Trigger.SCHEDULE, T0.plusMillis(1_500));

        setups().remember(FLOW, CycleNumber.of(4), setup);

        CycleSetup found = setups().find(FLOW, CycleNumber.of(4)).orElseThrow();
        assertThat(found).isEqualTo(setup);
        assertThat(found.definition().node(io.weatherstation.shared.domain.NodeId.of("keep")).orElseThrow().config())
                .containsEntry("token", io.weatherstation.flow.adapter.out.FlowFixtures.SECRET);
        assertThat(setups().find(FLOW, CycleNumber.of(5))).isEmpty();
    }

    @Test
    void setups_are_forgotten_one_by_one_or_for_a_whole_flow() {
        CycleSetup setup = new CycleSetup(definition(), 1, Trigger.MANUAL, T0);
        setups().remember(FLOW, CycleNumber.of(0), setup);
        setups().remember(FLOW, CycleNumber.of(1), setup);
        setups().remember(FlowId.of("bravo"), CycleNumber.of(0), setup);

        setups().forget(FLOW, CycleNumber.of(0));
        assertThat(setups().find(FLOW, CycleNumber.of(0))).isEmpty();
        assertThat(setups().find(FLOW, CycleNumber.of(1))).isPresent();

        setups().forgetFlow(FLOW);
        assertThat(setups().find(FLOW, CycleNumber.of(1))).isEmpty();
        assertThat(setups().find(FlowId.of("bravo"), CycleNumber.of(0))).contains(setup);
    }
}
