package io.weatherstation.testing.infra;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which infrastructure the tests use and why; the reason goes into every failure message so a
 * red test says how the choice was made.
 */
record InfrastructureDecision(InfrastructureMode mode, String reason) {

    /** {@code auto} (default): containers when Docker is available; {@code containers}; {@code localhost}. */
    static final String MODE_VARIABLE = "STATION_TEST_INFRA";

    InfrastructureDecision {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Decides from the environment and, unless told otherwise, from whether Docker answers. A probe
     * that throws counts as "no Docker": a machine without Docker must get the localhost services,
     * never an exception from the probe.
     */
    static InfrastructureDecision decide(Map<String, String> env, DockerProbe probe) {
        String requested = env.getOrDefault(MODE_VARIABLE, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (requested) {
            case "localhost" -> new InfrastructureDecision(InfrastructureMode.LOCALHOST, MODE_VARIABLE + "=localhost");
            case "containers" -> {
                ProbeResult docker = ask(probe);
                if (!docker.available()) {
                    throw new IllegalStateException(MODE_VARIABLE + "=containers but " + docker.detail()
                            + ". Start a Docker engine, or unset " + MODE_VARIABLE + " to use the services on localhost.");
                }
                yield new InfrastructureDecision(InfrastructureMode.CONTAINERS, MODE_VARIABLE + "=containers");
            }
            case "auto", "" -> {
                ProbeResult docker = ask(probe);
                yield docker.available()
                        ? new InfrastructureDecision(InfrastructureMode.CONTAINERS, "a Docker engine is available")
                        : new InfrastructureDecision(InfrastructureMode.LOCALHOST, docker.detail());
            }
            default -> throw new IllegalArgumentException(
                    MODE_VARIABLE + " must be auto, containers or localhost (was '" + env.get(MODE_VARIABLE) + "')");
        };
    }

    private static ProbeResult ask(DockerProbe probe) {
        try {
            return probe.dockerAvailable()
                    ? new ProbeResult(true, "a Docker engine is available")
                    : new ProbeResult(false, "no Docker engine is available");
        } catch (RuntimeException | LinkageError e) {
            // Kept, not swallowed: the cause ends up in the reason shown by every failure message.
            return new ProbeResult(false, "no Docker engine is available (probing it failed: " + e + ")");
        }
    }

    private record ProbeResult(boolean available, String detail) {
    }
}
