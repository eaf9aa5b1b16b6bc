package io.weatherstation.execution.adapter.out.redis;

import static io.weatherstation.execution.adapter.out.ExecutionFixtures.T0;
import static io.weatherstation.execution.adapter.out.ExecutionFixtures.definition;

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
import io.weatherstation.execution.application.port.out.CycleSetups.CycleSetup;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.flow.application.port.out.CycleLauncher.Trigger;
import io.weatherstation.shared.adapter.out.redis.RedisTestSupport;
import io.weatherstation.shared.adapter.out.redis.SecretCipher;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.testing.FixtureCronSyntax;
import io.weatherstation.testing.FixtureNodeTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The Redis execution adapters against the contracts the in-memory ones meet. */
class RedisExecutionAdaptersTest {

    final RedisTestSupport redis = RedisTestSupport.open();
    final SecretCipher cipher = SecretCipher.withRandomKey();

    @AfterEach
    void clean() {
        redis.close();
    }

    RedisCycleSetupsAdapter setupsAdapter() {
        return new RedisCycleSetupsAdapter(redis.template(), redis.keyspace(), cipher, FixtureNodeTypes.CATALOG,
                FixtureCronSyntax.INSTANCE);
    }

    @Nested
    class Store extends CycleStoreContract {
        private final RedisCycleSetupsAdapter setups = setupsAdapter();
        private final RedisCycleStoreAdapter store = new RedisCycleStoreAdapter(redis.template(), redis.keyspace(), setups,
                RETENTION);

        @Override
        protected void beforeInsert(String flow, long number) {
            setups.remember(FlowId.of(flow), CycleNumber.of(number), new CycleSetup(definition(), 1, Trigger.SCHEDULE, T0));
        }

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
        private final TaskInbox inbox = new RedisTaskInboxAdapter(redis.template(), redis.keyspace());

        @Override
        protected TaskInbox inbox() {
            return inbox;
        }
    }

    @Nested
    class Setups extends CycleSetupsContract {
        private final CycleSetups setups = setupsAdapter();

        @Override
        protected CycleSetups setups() {
            return setups;
        }
    }

    @Nested
    class Flags extends TerminationFlagsContract {
        private final TerminationFlags flags = new RedisTerminationFlagsAdapter(redis.template(), redis.keyspace(),
                new ExecutionFixtures.MutableClock(T0));

        @Override
        protected TerminationFlags flags() {
            return flags;
        }
    }

    @Nested
    class Reads extends ExecutionReadsContract {
        private final RedisCycleSetupsAdapter setups = setupsAdapter();
        private final RedisCycleStoreAdapter store = new RedisCycleStoreAdapter(redis.template(), redis.keyspace(), setups,
                CycleStoreContract.RETENTION);
        private final TerminationFlags flags = new RedisTerminationFlagsAdapter(redis.template(), redis.keyspace(),
                new ExecutionFixtures.MutableClock(T0));
        private final PauseRegistry pauses = new RedisPauseRegistryAdapter(redis.template(), redis.keyspace());
        private final ExecutionReads reads = new RedisExecutionReadsAdapter(redis.template(), redis.keyspace(), setups);

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
