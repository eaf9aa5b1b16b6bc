package io.weatherstation.testing.infra;

import org.testcontainers.DockerClientFactory;

/** Answers whether a Docker engine can run containers for the tests. */
@FunctionalInterface
interface DockerProbe {

    boolean dockerAvailable();

    /** Asks Testcontainers, which tries every way it knows to reach a Docker engine. */
    static DockerProbe testcontainers() {
        return () -> DockerClientFactory.instance().isDockerAvailable();
    }
}
