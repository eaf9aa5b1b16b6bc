package io.weatherstation.testing.infra;

/** Where the tests' PostgreSQL, Redis and RabbitMQ come from. */
public enum InfrastructureMode {
    /** Throwaway containers started by Testcontainers on the local Docker engine. */
    CONTAINERS,
    /** Services already running on this machine (or wherever the {@code STATION_TEST_*} variables point). */
    LOCALHOST
}
