package io.weatherstation.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line. Sizes default to the figures recorded in docs/benchmarks.md;
 * small sizes give a quick run (the smoke test uses them).
 *
 * @param modes        the run modes to measure, in order
 * @param chainLength  nodes of the chain shape
 * @param chainCycles  measured cycles of the chain shape
 * @param fanOutWidth  parallel branches of the fan-out shape (between one source and one fan-in)
 * @param fanOutCycles measured cycles of the fan-out shape
 * @param warmupCycles cycles run (and discarded) before each of those two shapes is measured
 * @param inFlight     cycles kept running at once by the driver of those two shapes
 * @param latencyCycles cycles of those two shapes run one at a time to measure the hop latency
 * @param flows        flows of the periodic shape, one node each, every second
 * @param ticks        cycles each periodic flow runs
 * @param floorTrips   round trips of each raw floor measurement (distributed mode)
 */
record BenchOptions(List<String> modes, int chainLength, int chainCycles, int fanOutWidth, int fanOutCycles,
        int warmupCycles, int inFlight, int latencyCycles, int flows, int ticks, int floorTrips) {

    static final String USAGE = """
            Usage: ./bench [--mode embedded|distributed|all] [sizes]
              --mode M            embedded (default), distributed or all
              --chain-length N    nodes of the chain shape (10)
              --chain-cycles N    measured cycles of the chain (embedded 30000, distributed 3000)
              --fanout-width N    branches of the fan-out shape (50)
              --fanout-cycles N   measured cycles of the fan-out (embedded 3000, distributed 64)
              --warmup N          cycles run before each of those two is measured, so that the JIT
                                  compiler has done its work (embedded 15000, distributed 1000)
              --in-flight N       cycles running at once in those two shapes (64)
              --latency-cycles N  cycles of those two run one at a time for the hop latency (300)
              --flows N           periodic flows, interval 1 s, one node each (200)
              --ticks N           cycles per periodic flow (50: 200 x 50 = 10,000 cycles)
              --floor-trips N     raw RabbitMQ and Redis round trips, distributed mode (2000)
            """;

    static BenchOptions defaults() {
        return new BenchOptions(List.of("embedded"), 10, MODE_DEFAULT, 50, MODE_DEFAULT, MODE_DEFAULT, 64, 300, 200, 50,
                2_000);
    }

    /** A size not given on the command line: the mode's own default. */
    static final int MODE_DEFAULT = -1;

    /**
     * These options for one mode: the cycle counts and the warm-up not given on the command line
     * are the mode's defaults (the distributed mode runs two orders of magnitude fewer cycles a
     * second, so the same counts would take hours).
     */
    BenchOptions forMode(String mode) {
        boolean distributed = mode.equals("distributed");
        return new BenchOptions(modes, chainLength, orDefault(chainCycles, distributed ? 3_000 : 30_000), fanOutWidth,
                orDefault(fanOutCycles, distributed ? 64 : 3_000), orDefault(warmupCycles, distributed ? 1_000 : 15_000),
                inFlight, latencyCycles, flows, ticks, floorTrips);
    }

    private static int orDefault(int given, int modeDefault) {
        return given == MODE_DEFAULT ? modeDefault : given;
    }

    static BenchOptions parse(String... args) {
        BenchOptions o = defaults();
        List<String> modes = o.modes();
        int chainLength = o.chainLength(), chainCycles = o.chainCycles(), fanOutWidth = o.fanOutWidth();
        int fanOutCycles = o.fanOutCycles(), warmup = o.warmupCycles(), inFlight = o.inFlight();
        int latencyCycles = o.latencyCycles();
        int flows = o.flows(), ticks = o.ticks(), floorTrips = o.floorTrips();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--mode" -> modes = switch (value) {
                    case "embedded", "distributed" -> List.of(value);
                    case "all" -> List.of("embedded", "distributed");
                    default -> throw new IllegalArgumentException("--mode is embedded, distributed or all (was " + value + ")");
                };
                case "--chain-length" -> chainLength = positive(name, value, 2);
                case "--chain-cycles" -> chainCycles = positive(name, value, 1);
                case "--fanout-width" -> fanOutWidth = positive(name, value, 1);
                case "--fanout-cycles" -> fanOutCycles = positive(name, value, 1);
                case "--warmup" -> warmup = positive(name, value, 0);
                case "--in-flight" -> inFlight = positive(name, value, 1);
                case "--latency-cycles" -> latencyCycles = positive(name, value, 1);
                case "--flows" -> flows = positive(name, value, 1);
                case "--ticks" -> ticks = positive(name, value, 1);
                case "--floor-trips" -> floorTrips = positive(name, value, 1);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new BenchOptions(new ArrayList<>(modes), chainLength, chainCycles, fanOutWidth, fanOutCycles, warmup,
                inFlight, latencyCycles, flows, ticks, floorTrips);
    }

    private static int positive(String name, String value, int min) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number (was " + value + ")");
        }
        if (parsed < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + " (was " + value + ")");
        }
        return parsed;
    }
}
