package io.weatherstation.execution;

import io.weatherstation.distributed.DistributedStation;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The shipped examples, run to their documented outcome in the distributed profile. */
@ActiveProfiles("distributed")
@ContextConfiguration(initializers = DistributedStation.class)
class DistributedExamplesTest extends ExamplesTest {
}
