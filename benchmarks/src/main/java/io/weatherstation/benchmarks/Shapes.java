package io.weatherstation.benchmarks;

import io.weatherstation.execution.application.port.in.CycleRefusedException;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase.RegisterFlowCommand;
import io.weatherstation.shared.domain.FlowId;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Drives the three shapes through the station's application services: the flow service
 * registers, starts, stops and deletes flows, the execution service runs cycles on demand, and
 * the periodic flows are started by the station's own scheduler.
 */
final class Shapes {

    /** Flows sharing the on-demand cycles of one shape (each flow's starts are serialised). */
    private static final int FLOWS_PER_SHAPE = 4;

    private final BenchStation station;
    private final BenchOptions options;
    private final AtomicLong completedCycles = new AtomicLong();

    Shapes(BenchStation station, BenchOptions options) {
        this.station = station;
        this.options = options;
    }

    ShapeResult chain() {
        int length = options.chainLength();
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            nodes.add(node("n" + i, "bench_step", i == length - 1 ? Map.of("last", true) : Map.of()));
            if (i > 0) {
                edges.add(edge("n" + (i - 1), "n" + i));
            }
        }
        return onDemand("chain of " + length, nodes, edges, options.chainCycles(), length);
    }

    ShapeResult fanOut() {
        int width = options.fanOutWidth();
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        nodes.add(node("source", "bench_step", Map.of()));
        for (int i = 0; i < width; i++) {
            nodes.add(node("b" + i, "bench_step", Map.of()));
            edges.add(edge("source", "b" + i));
            edges.add(edge("b" + i, "join"));
        }
        nodes.add(node("join", "bench_join", Map.of()));
        return onDemand("fan-out " + width + " + fan-in", nodes, edges, options.fanOutCycles(), width + 2);
    }

    /**
     * Cycles started on demand, {@code inFlight} of them running at any time: a new one starts as
     * soon as the last node of an earlier one ran. A warm-up round runs first and is discarded.
     */
    private ShapeResult onDemand(String shape, List<Map<String, Object>> nodes, List<Map<String, Object>> edges,
            int cycles, int nodesPerCycle) {
        List<FlowId> flowIds = new ArrayList<>();
        for (int i = 0; i < FLOWS_PER_SHAPE; i++) {
            FlowId id = FlowId.of("bench-" + shape.replaceAll("[^a-z0-9]+", "-") + "-" + i);
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("name", shape);
            definition.put("interval", 0);
            // Never the limit: the driver bounds the cycles in flight itself.
            definition.put("max_concurrent_cycles", 100_000);
            definition.put("nodes", nodes);
            definition.put("edges", edges);
            station.flows.register(new RegisterFlowCommand(id, definition));
            flowIds.add(id);
        }
        if (options.warmupCycles() > 0) {
            drive(flowIds, options.warmupCycles(), options.inFlight());
        }
        long heapBefore = heapAfterGc();
        // Throughput with many cycles in flight (hops then mostly wait their turn for a CPU) ...
        long cpuBefore = processCpuNanos();
        double seconds = drive(flowIds, cycles, options.inFlight());
        long cpu = processCpuNanos() - cpuBefore;
        long executions = BenchProbe.executions();
        Histogram loadedHops = BenchProbe.hops();
        // ... and the hop latency of one cycle at a time, what a single flow sees on an idle station.
        drive(flowIds, options.latencyCycles(), 1);
        Histogram hops = BenchProbe.hops();
        long heapAfter = heapAfterGc();
        ShapeResult result = new ShapeResult(shape, cycles, executions, seconds, cpu, hops, loadedHops, null, heapBefore,
                heapAfter, completedCycles.get(), load());
        if (executions != (long) cycles * nodesPerCycle) {
            throw new IllegalStateException(shape + ": " + executions + " node executions, expected "
                    + (long) cycles * nodesPerCycle);
        }
        flowIds.forEach(station.flows::delete);
        return result;
    }

    /** Runs {@code cycles} cycles, {@code parallel} at a time; returns the seconds they took. */
    private double drive(List<FlowId> flowIds, int cycles, int parallel) {
        Semaphore inFlight = new Semaphore(parallel);
        BenchProbe.reset(inFlight::release);
        AtomicLong started = new AtomicLong();
        long begin = System.nanoTime();
        List<Thread> drivers = new ArrayList<>();
        for (int d = 0; d < Math.min(4, parallel); d++) {
            drivers.add(Thread.ofVirtual().name("bench-driver-" + d).start(() -> {
                long n;
                while ((n = started.getAndIncrement()) < cycles) {
                    inFlight.acquireUninterruptibly();
                    FlowId flow = flowIds.get((int) (n % flowIds.size()));
                    while (true) {
                        try {
                            station.execution.runNow(flow);
                            break;
                        } catch (CycleRefusedException refused) {
                            Thread.onSpinWait();
                        }
                    }
                }
            }));
        }
        awaitCount(BenchProbe::cycleEnds, cycles, Duration.ofMinutes(30), "cycles to run through");
        long end = System.nanoTime();
        for (Thread driver : drivers) {
            try {
                driver.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        awaitCyclesEnded(flowIds, Duration.ofMinutes(2));
        completedCycles.addAndGet(cycles);
        return (end - begin) / 1e9;
    }

    /**
     * {@code flows} flows of one node, each a cycle every second, started by the station's
     * scheduler: the start lag is how late each cycle started after its scheduled time.
     */
    ShapeResult periodic() {
        int flows = options.flows();
        int ticks = options.ticks();
        List<FlowId> flowIds = new ArrayList<>();
        for (int i = 0; i < flows; i++) {
            FlowId id = FlowId.of("bench-periodic-" + i);
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("name", "periodic " + i);
            definition.put("interval", 1);
            definition.put("nodes", List.of(node("tick", "bench_tick", Map.of())));
            definition.put("edges", List.of());
            station.flows.register(new RegisterFlowCommand(id, definition));
            flowIds.add(id);
        }
        long target = (long) flows * ticks;
        BenchProbe.reset(() -> { });
        long heapBefore = heapAfterGc();
        long cpuBefore = processCpuNanos();
        long begin = System.nanoTime();
        flowIds.forEach(station.flows::start);
        // Ticks the station cannot keep up with are skipped (never queued up): after the ticks'
        // time and a grace period, what ran is what is reported.
        long deadline = begin + Duration.ofSeconds(ticks + 10L).toNanos();
        while (BenchProbe.cycleEnds() < target && System.nanoTime() < deadline) {
            sleepMillis(5);
        }
        long end = System.nanoTime();
        long cpu = processCpuNanos() - cpuBefore;
        flowIds.forEach(id -> station.flows.stop(id, false));
        awaitCyclesEnded(flowIds, Duration.ofMinutes(1));
        long ran = BenchProbe.cycleEnds();
        completedCycles.addAndGet(ran);
        long heapAfter = heapAfterGc();
        ShapeResult result = new ShapeResult(flows + " periodic flows, 1 s", ran, BenchProbe.executions(),
                (end - begin) / 1e9, cpu, null, null, BenchProbe.startLags(), heapBefore, heapAfter, completedCycles.get(), load());
        flowIds.forEach(station.flows::delete);
        return result;
    }

    /** Waits until no cycle of the flows runs; names the cycles and tasks still running if they do not end. */
    private void awaitCyclesEnded(List<FlowId> flowIds, Duration limit) {
        for (FlowId flow : flowIds) {
            try {
                awaitCount(() -> station.execution.runningCycles(flow) == 0 ? 1 : 0, 1, limit,
                        "the cycles of " + flow + " to end");
            } catch (IllegalStateException stuck) {
                StringBuilder details = new StringBuilder(stuck.getMessage()).append("; still running:");
                for (var cycle : station.execution.cycles(flow, 1_000)) {
                    if (cycle.isRunning()) {
                        details.append("\n  cycle ").append(cycle.number()).append(": ");
                        station.execution.cycle(flow, cycle.number()).ifPresent(d -> d.tasks().forEach(t ->
                                details.append(t.id().nodeId()).append('=').append(t.status().wireName()).append(' ')));
                    }
                }
                throw new IllegalStateException(details.toString(), stuck);
            }
        }
    }

    private static void sleepMillis(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCount(java.util.function.LongSupplier count, long target, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + ": " + count.getAsLong() + " of "
                        + target + " after " + limit);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Heap in use after full collections (this process is the only station instance of the run). */
    /** CPU time this process used so far (all its threads), ns. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0];
        } catch (Exception unavailable) {
            double average = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return average < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.2f", average);
        }
    }

    private static Map<String, Object> node(String id, String type, Map<String, Object> config) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("type", type);
        node.put("config", config);
        return node;
    }

    private static Map<String, Object> edge(String source, String target) {
        return Map.of("source", source, "source_handle", "out", "target", target, "target_handle", "in");
    }
}
