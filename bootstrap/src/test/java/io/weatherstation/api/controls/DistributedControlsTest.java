package io.weatherstation.api.controls;

import io.weatherstation.api.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The operator control scenarios against two station instances in the distributed profile,
 * sharing Redis, RabbitMQ and PostgreSQL: every scenario pauses, starts or resumes on one and
 * watches or releases on the other.
 */
class DistributedControlsTest extends ControlScenarios {

    private static DistributedStations stations;
    private static Api first;
    private static Api second;

    @BeforeAll
    static void startTwoInstances() {
        stations = new DistributedStations();
        first = new Api(stations.start());
        second = new Api(stations.start());
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (stations != null) {
            stations.close();
        }
    }

    @Override
    Api a() {
        return first;
    }

    @Override
    Api b() {
        return second;
    }
}
