package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.adapter.out.ControlsContract;
import io.weatherstation.execution.application.port.out.ParkedTasks;
import io.weatherstation.execution.application.port.out.PartialRuns;
import io.weatherstation.execution.application.port.out.PauseRegistry;

/** The embedded mode's pause, parked-task and partial-run adapters against the contract the Redis ones meet. */
class InMemoryControlAdaptersContractTest extends ControlsContract {

    private final PauseRegistry pauses = new InMemoryPauseRegistryAdapter();
    private final ParkedTasks parked = new InMemoryParkedTasksAdapter();
    private final PartialRuns partialRuns = new InMemoryPartialRunsAdapter(100);

    @Override
    protected PauseRegistry pauses() {
        return pauses;
    }

    @Override
    protected ParkedTasks parked() {
        return parked;
    }

    @Override
    protected PartialRuns partialRuns() {
        return partialRuns;
    }
}
