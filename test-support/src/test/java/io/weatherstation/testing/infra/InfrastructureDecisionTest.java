package io.weatherstation.testing.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InfrastructureDecisionTest {

    private static final DockerProbe DOCKER = () -> true;
    private static final DockerProbe NO_DOCKER = () -> false;

    @Test
    void uses_containers_when_a_docker_engine_answers() {
        InfrastructureDecision decision = InfrastructureDecision.decide(Map.of(), DOCKER);

        assertThat(decision.mode()).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void uses_the_local_services_when_there_is_no_docker_engine() {
        InfrastructureDecision decision = InfrastructureDecision.decide(Map.of(), NO_DOCKER);

        assertThat(decision.mode()).isEqualTo(InfrastructureMode.LOCALHOST);
        assertThat(decision.reason()).isEqualTo("no Docker engine is available");
    }

    @Test
    void a_docker_probe_that_throws_means_local_services_and_its_cause_is_kept_in_the_reason() {
        DockerProbe broken = () -> {
            throw new IllegalStateException("Could not find a valid Docker environment");
        };

        InfrastructureDecision decision = InfrastructureDecision.decide(Map.of(), broken);

        assertThat(decision.mode()).isEqualTo(InfrastructureMode.LOCALHOST);
        assertThat(decision.reason()).contains("Could not find a valid Docker environment");
    }

    @Test
    void a_docker_probe_that_cannot_even_load_means_local_services() {
        DockerProbe unloadable = () -> {
            throw new NoClassDefFoundError("com/github/dockerjava/api/DockerClient");
        };

        assertThat(InfrastructureDecision.decide(Map.of(), unloadable).mode()).isEqualTo(InfrastructureMode.LOCALHOST);
    }

    @Test
    void localhost_requested_by_the_environment_does_not_probe_docker() {
        DockerProbe mustNotBeCalled = () -> {
            throw new AssertionError("Docker was probed although STATION_TEST_INFRA=localhost");
        };

        InfrastructureDecision decision = InfrastructureDecision.decide(Map.of("STATION_TEST_INFRA", "localhost"), mustNotBeCalled);

        assertThat(decision.mode()).isEqualTo(InfrastructureMode.LOCALHOST);
        assertThat(decision.reason()).isEqualTo("STATION_TEST_INFRA=localhost");
    }

    @Test
    void containers_requested_without_a_docker_engine_fail_saying_what_to_do() {
        assertThatThrownBy(() -> InfrastructureDecision.decide(Map.of("STATION_TEST_INFRA", "containers"), NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STATION_TEST_INFRA=containers but no Docker engine is available")
                .hasMessageContaining("Start a Docker engine");
    }

    @Test
    void containers_requested_with_docker_use_containers() {
        assertThat(InfrastructureDecision.decide(Map.of("STATION_TEST_INFRA", "Containers"), DOCKER).mode())
                .isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void an_unknown_mode_is_rejected_rather_than_guessed() {
        assertThatThrownBy(() -> InfrastructureDecision.decide(Map.of("STATION_TEST_INFRA", "docker-please"), DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, containers or localhost")
                .hasMessageContaining("docker-please");
    }
}
