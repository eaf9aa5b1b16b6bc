package io.weatherstation.api.scenarios;

import io.weatherstation.distributed.DistributedStation;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The same scenarios against the distributed profile: Redis, RabbitMQ and PostgreSQL. */
@ActiveProfiles("distributed")
@ContextConfiguration(initializers = DistributedStation.class)
class DistributedScheduleScenariosTest extends ScheduleScenariosTest {
}
