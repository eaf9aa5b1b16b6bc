package io.weatherstation.execution.adapter.out.memory;

import io.weatherstation.execution.adapter.out.CycleSetupsContract;
import io.weatherstation.execution.adapter.out.CycleStoreContract;
import io.weatherstation.execution.adapter.out.ExecutionFixtures;
import io.weatherstation.execution.adapter.out.ExecutionReadsContract;
import io.weatherstation.execution.application.port.out.ExecutionReads;
import io.weatherstation.execution.application.port.out.PauseRegistry;
import io.weatherstation.execution.adapter.out.TaskInboxContract;
import io.weatherstation.execution.adapter.out.TerminationFlagsContract;
import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import org.junit.jupiter.api.Nested;

/** The embedded mode's execution adapters against the contracts the Redis ones also meet. */
class InMemoryExecutionAdaptersContractTest {

    @Nested
    class Store extends CycleStoreContract {
        private final InMemoryCycleStoreAdapter store = new InMemoryCycleStoreAdapter(RETENTION);

        @Override
        protected CycleRepository cycles() {
            return store;
        }

        @Override
        protected NodeTaskRepository tasks() {
            return store;
        }
    }

    @Nested
    class Inbox extends TaskInboxContract {
        private final TaskInbox inbox = new InMemoryTaskInboxAdapter();

        @Override
        protected TaskInbox inbox() {
            return inbox;
        }
    }

    @Nested
    class Setups extends CycleSetupsContract {
        private final CycleSetups setups = new InMemoryCycleSetupsAdapter();

        @Override
        protected CycleSetups setups() {
            return setups;
        }
    }

    @Nested
    class Flags extends TerminationFlagsContract {
        private final TerminationFlags flags = new InMemoryTerminationFlagsAdapter(
                new ExecutionFixtures.MutableClock(ExecutionFixtures.T0));

        @Override
        protected TerminationFlags flags() {
            return flags;
        }
    }

    @Nested
    class Reads extends ExecutionReadsContract {
        private final InMemoryCycleSetupsAdapter setups = new InMemoryCycleSetupsAdapter();
        private final InMemoryCycleStoreAdapter store = new InMemoryCycleStoreAdapter(CycleStoreContract.RETENTION);
        private final TerminationFlags flags = new InMemoryTerminationFlagsAdapter(
                new ExecutionFixtures.MutableClock(ExecutionFixtures.T0));
        private final PauseRegistry pauses = new InMemoryPauseRegistryAdapter();
        private final ExecutionReads reads = new InMemoryExecutionReadsAdapter(setups, store, flags, pauses);

        @Override
        protected ExecutionReads reads() {
            return reads;
        }

        @Override
        protected CycleSetups setups() {
            return setups;
        }

        @Override
        protected CycleRepository cycles() {
            return store;
        }

        @Override
        protected TerminationFlags flags() {
            return flags;
        }

        @Override
        protected PauseRegistry pauses() {
            return pauses;
        }
    }
}
