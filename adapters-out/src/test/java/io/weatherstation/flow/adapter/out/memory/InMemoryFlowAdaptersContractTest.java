package io.weatherstation.flow.adapter.out.memory;

import io.weatherstation.flow.adapter.out.FlowRepositoryContract;
import io.weatherstation.flow.adapter.out.TickClaimsContract;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.application.port.out.TickClaims;
import org.junit.jupiter.api.Nested;

/** The embedded mode's flow adapters against the contracts the Redis ones also meet. */
class InMemoryFlowAdaptersContractTest {

    @Nested
    class Repository extends FlowRepositoryContract {
        private final FlowRepository repository = new InMemoryFlowRepositoryAdapter();

        @Override
        protected FlowRepository repository() {
            return repository;
        }
    }

    @Nested
    class Claims extends TickClaimsContract {
        private final TickClaims claims = new InMemoryTickClaimsAdapter();

        @Override
        protected TickClaims claims() {
            return claims;
        }
    }
}
