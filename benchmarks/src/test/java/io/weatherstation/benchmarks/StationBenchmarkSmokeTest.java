package io.weatherstation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The benchmark runs end to end with tiny sizes and prints its tables. No timing is asserted:
 * the figures depend on the machine and its load; only that every shape ran and was reported.
 */
class StationBenchmarkSmokeTest {

    private static final String[] TINY = {"--chain-length", "3", "--chain-cycles", "20", "--fanout-width", "4",
            "--fanout-cycles", "10", "--warmup", "5", "--in-flight", "4", "--latency-cycles", "3", "--flows", "3", "--ticks", "2",
            "--floor-trips", "20"};

    @Test
    void embedded_mode_runs_every_shape_and_prints_the_table() throws Exception {
        String output = run("--mode", "embedded");

        assertThat(output).contains("### embedded mode", "| shape | cycles | node executions | executions/s | CPU per execution | hop p50");
        assertThat(output).containsPattern("\\| chain of 3 \\| 20 \\| 60 \\| [\\d,]+ \\| [\\d,.]+ µs \\| [\\d.]+ ms \\| [\\d.]+ ms \\| [\\d.]+ ms \\| — \\| — \\|");
        assertThat(output).containsPattern("\\| fan-out 4 \\+ fan-in \\| 10 \\| 60 \\| [\\d,]+ \\| [\\d,.]+ µs \\| [\\d.]+ ms \\|");
        assertThat(output).containsPattern("\\| 3 periodic flows, 1 s \\| \\d+ \\| \\d+ \\| [\\d,]+ \\| [\\d,.]+ µs \\| — \\| — \\| — \\| [\\d.]+ ms \\| [\\d.]+ ms \\|");
        assertThat(output).doesNotContain("floor, same run");
    }

    @Test
    void distributed_mode_also_measures_the_floor() throws Exception {
        String output = run("--mode", "distributed");

        assertThat(output).contains("### distributed mode");
        assertThat(output).containsPattern("\\| chain of 3 \\| 20 \\| 60 \\|");
        assertThat(output).containsPattern("\\| fan-out 4 \\+ fan-in \\| 10 \\| 60 \\|");
        assertThat(output).containsPattern("\\| 3 periodic flows, 1 s \\| \\d+ \\|");
        assertThat(output).containsPattern("\\| RabbitMQ publish → consume .* \\| [\\d.]+ ms \\| [\\d.]+ ms \\|");
        assertThat(output).containsPattern("\\| Redis round trip \\(GET\\) \\| [\\d.]+ ms \\| [\\d.]+ ms \\|");
        assertThat(output).containsPattern("\\| RabbitMQ messages published .* and consumed \\| [1-9][\\d,]* \\|");
        assertThat(output).containsPattern("\\| Redis commands \\(GET, one shared connection\\) \\| [1-9][\\d,]* \\|");
        assertThat(redisKeys("flow:bench-*")).as("keys written outside the run's own prefix").isEmpty();
        assertThat(redisKeys("bench-*")).as("keys of the run left behind").isEmpty();
    }

    private static java.util.List<String> redisKeys(String pattern) {
        RedisClient client = RedisClient.create(RedisURI.create("localhost", 6379));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys(pattern);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void bad_options_are_refused_with_a_reason() {
        assertThatThrownBy(() -> BenchOptions.parse("--mode", "cluster")).hasMessageContaining("embedded, distributed or all");
        assertThatThrownBy(() -> BenchOptions.parse("--flows", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("--ticks")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--speed", "9")).hasMessageContaining("unknown option");
        assertThat(BenchOptions.parse("--mode", "all").modes()).containsExactly("embedded", "distributed");
    }

    private static String run(String... mode) throws Exception {
        String[] args = new String[TINY.length + mode.length];
        System.arraycopy(mode, 0, args, 0, mode.length);
        System.arraycopy(TINY, 0, args, mode.length, TINY.length);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        StationBenchmark.run(BenchOptions.parse(args), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
