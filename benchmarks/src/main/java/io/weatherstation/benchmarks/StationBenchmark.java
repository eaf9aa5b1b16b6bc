package io.weatherstation.benchmarks;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Runs the benchmark (ADR 0007, docs/benchmarks.md): for each requested mode, starts a station
 * in-process in that profile, measures the raw RabbitMQ and Redis round trips (distributed mode),
 * runs the three shapes through the station's application services and prints one Markdown
 * table per mode. Started by {@code ./bench}.
 */
public final class StationBenchmark {

    private StationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException bad) {
            if (!bad.getMessage().isEmpty()) {
                System.err.println("bench: " + bad.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(bad.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        run(options, System.out);
        System.exit(0);
    }

    static void run(BenchOptions options, PrintStream out) throws Exception {
        for (String mode : options.modes()) {
            String loadAtStart = Shapes.load();
            ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
            out.printf("%nstarting the %s station ...%n", mode);
            List<ShapeResult> results = new ArrayList<>();
            Floor.Figures floor = null;
            try (BenchStation station = BenchStation.start(mode)) {
                if (mode.equals("distributed")) {
                    out.println("measuring the raw RabbitMQ and Redis round trips ...");
                    floor = Floor.measure(station, options.floorTrips());
                }
                Shapes shapes = new Shapes(station, options.forMode(mode));
                out.println("chain ...");
                results.add(shapes.chain());
                out.println("fan-out ...");
                results.add(shapes.fanOut());
                out.printf("%d periodic flows for %d s ...%n", options.flows(), options.ticks());
                results.add(shapes.periodic());
            }
            print(out, mode, startedAt, loadAtStart, results, floor);
        }
    }

    private static void print(PrintStream out, String mode, ZonedDateTime startedAt, String loadAtStart, List<ShapeResult> results,
            Floor.@Nullable Figures floor) {
        out.println();
        out.printf("### %s mode — %s — %d cores, JDK %s, load %s at start%n%n", mode,
                startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), loadAtStart);
        out.println("| shape | cycles | node executions | executions/s | CPU per execution | hop p50 | hop p99 | hop p99 loaded"
                + " | start lag p50 | start lag p99 | heap before | heap after (cycles so far) | load |");
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (ShapeResult r : results) {
            out.printf(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %,.1f µs | %s | %s | %s | %s | %s | %s | %s (%,d) | %s |%n",
                    r.shape(), r.cycles(), r.executions(), r.executionsPerSecond(), r.cpuMicrosPerExecution(), ms(r.hops(), 50), ms(r.hops(), 99),
                    ms(r.loadedHops(), 99), ms(r.startLags(), 50), ms(r.startLags(), 99), mb(r.heapBeforeBytes()), mb(r.heapAfterBytes()),
                    r.totalCycles(), r.load());
        }
        if (floor != null) {
            out.println();
            out.println("| floor, same run | p50 | p99 |");
            out.println("|---|--:|--:|");
            out.printf("| RabbitMQ publish → consume (persistent, quorum queue, confirms) | %s | %s |%n",
                    ms(floor.publishToConsume(), 50), ms(floor.publishToConsume(), 99));
            out.printf("| RabbitMQ publish → confirm | %s | %s |%n", ms(floor.publishToConfirm(), 50),
                    ms(floor.publishToConfirm(), 99));
            out.printf("| Redis round trip (GET) | %s | %s |%n", ms(floor.redisRoundTrip(), 50),
                    ms(floor.redisRoundTrip(), 99));
            out.println();
            out.println("| floor, same run: throughput, " + Floor.PARALLEL + " callers at once | per second |");
            out.println("|---|--:|");
            out.printf("| RabbitMQ messages published (persistent, quorum queue, confirms) and consumed | %,.0f |%n",
                    floor.rabbitPerSecond());
            out.printf("| Redis commands (GET, one shared connection) | %,.0f |%n", floor.redisPerSecond());
        }
        out.println();
        out.flush();
    }

    private static String ms(@Nullable Histogram histogram, double percentile) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.3f ms", histogram.getValueAtPercentile(percentile) / 1e6);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }
}
