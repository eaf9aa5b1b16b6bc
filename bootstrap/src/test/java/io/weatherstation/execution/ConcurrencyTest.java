package io.weatherstation.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.application.port.in.CycleRefusedException;
import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Executions;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Many flows with overlapping cycles, started by manual runs fired from many threads at once, on
 * a fan-out / fan-in shape: every cycle ends, every task runs exactly once, cycle numbers are
 * contiguous and unique per flow, and {@code max_concurrent_cycles} holds under contention.
 */
class ConcurrencyTest extends EngineTestSupport {

    private static final int FLOWS = 50;
    private static final int MAX_CONCURRENT = 3;
    private static final int THREADS = 16;
    private static final String GATE = "concurrency";
    private static final List<String> NODES = List.of("src", "p1", "p2", "p3", "p4", "join", "pair", "sink");
    private static final String DEFINITION = """
            {"interval": 0, "max_concurrent_cycles": %d,
             "nodes": [{"id": "src", "type": "gate_node", "config": {"gate": "%s"}},
                       {"id": "p1", "type": "probe_node"}, {"id": "p2", "type": "probe_node"},
                       {"id": "p3", "type": "probe_node"}, {"id": "p4", "type": "probe_node"},
                       {"id": "join", "type": "probe_node"},
                       {"id": "pair", "type": "pair_node"},
                       {"id": "sink", "type": "probe_node"}],
             "edges": [{"source": "src", "source_handle": "output", "target": "p1", "target_handle": "input"},
                       {"source": "src", "source_handle": "output", "target": "p2", "target_handle": "input"},
                       {"source": "src", "source_handle": "output", "target": "p3", "target_handle": "input"},
                       {"source": "src", "source_handle": "output", "target": "p4", "target_handle": "input"},
                       {"source": "p1", "source_handle": "output", "target": "join", "target_handle": "input"},
                       {"source": "p2", "source_handle": "output", "target": "join", "target_handle": "input"},
                       {"source": "p3", "source_handle": "output", "target": "join", "target_handle": "input"},
                       {"source": "p4", "source_handle": "output", "target": "join", "target_handle": "input"},
                       {"source": "p1", "source_handle": "output", "target": "pair", "target_handle": "left"},
                       {"source": "p2", "source_handle": "output", "target": "pair", "target_handle": "right"},
                       {"source": "join", "source_handle": "output", "target": "sink", "target_handle": "input"},
                       {"source": "pair", "source_handle": "output", "target": "sink", "target_handle": "input"}]}
            """.formatted(MAX_CONCURRENT, GATE);

    private final Map<String, Set<Long>> started = new ConcurrentHashMap<>();

    @Test
    void overlapping_cycles_of_many_flows_each_run_every_task_exactly_once() throws Exception {
        List<String> flowIds = IntStream.range(0, FLOWS).mapToObj(i -> "conc-%02d".formatted(i)).toList();
        flowIds.forEach(id -> register(id, DEFINITION));
        long seed = System.nanoTime();
        Random random = new Random(seed);

        // Gated rounds: every started cycle is held at its entry node, so the flows' cycle limits
        // are under full contention: exactly MAX_CONCURRENT of the five runs per flow may start.
        for (int round = 0; round < 3; round++) {
            Gates.close(GATE);
            Map<String, List<Long>> runs = fire(flowIds, 5, random);
            assertThat(runs).as("seed %d, round %d", seed, round)
                    .allSatisfy((flow, cycles) -> assertThat(cycles).as(flow).hasSize(MAX_CONCURRENT));
            flowIds.forEach(id -> assertThat(execution.runningCycles(FlowId.of(id))).isEqualTo(MAX_CONCURRENT));
            Gates.open(GATE);
            awaitAllEnded(flowIds);
        }

        // An open round: runs start while earlier cycles of the same flow are still going.
        Map<String, List<Long>> open = fire(flowIds, 8, random);
        assertThat(open).allSatisfy((flow, cycles) -> assertThat(cycles).as(flow).isNotEmpty());
        awaitAllEnded(flowIds);

        for (String flow : flowIds) {
            Set<Long> numbers = started.get(flow);
            long count = numbers.size();
            assertThat(numbers).as("cycle numbers of %s (seed %d)", flow, seed)
                    .containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
            assertThat(flow(flow).lastCycle()).contains(CycleNumber.of(count - 1));
            for (long cycle = 0; cycle < count; cycle++) {
                var details = awaitEnd(flow, cycle);
                assertThat(details.cycle().status()).as("%s #%d", flow, cycle).isEqualTo(CycleStatus.COMPLETED);
                assertThat(details.tasks()).allSatisfy(t -> {
                    assertThat(t.status()).isEqualTo(NodeTaskStatus.COMPLETED);
                    assertThat(t.attempts()).isEqualTo(1);
                });
                for (String node : NODES) {
                    assertThat(Executions.count(flow, cycle, node)).as("runs of %s in %s #%d", node, flow, cycle)
                            .isEqualTo(1);
                }
                assertThat(Executions.input(flow, cycle, "join", "input"))
                        .containsOnlyKeys("p1.output", "p2.output", "p3.output", "p4.output");
            }
            assertThat(Executions.total(flow)).isEqualTo(count * NODES.size());
        }
    }

    /** Fires {@code perFlow} manual runs of every flow from {@value #THREADS} threads released together. */
    private Map<String, List<Long>> fire(List<String> flowIds, int perFlow, Random random) throws Exception {
        List<String> attempts = new ArrayList<>();
        flowIds.forEach(id -> attempts.addAll(Collections.nCopies(perFlow, id)));
        Collections.shuffle(attempts, random);
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(attempts);
        Map<String, List<Long>> runs = new ConcurrentHashMap<>();
        flowIds.forEach(id -> runs.put(id, Collections.synchronizedList(new ArrayList<>())));
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                workers.add(threads.submit(() -> {
                    go.await();
                    String flow;
                    while ((flow = queue.poll()) != null) {
                        try {
                            long cycle = runNow(flow);
                            runs.get(flow).add(cycle);
                            assertThat(started.computeIfAbsent(flow, f -> ConcurrentHashMap.newKeySet()).add(cycle))
                                    .as("cycle %d of %s handed out twice", cycle, flow).isTrue();
                        } catch (CycleRefusedException expected) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        int startedRuns = runs.values().stream().mapToInt(List::size).sum();
        assertThat(startedRuns + refused.get()).isEqualTo(attempts.size());
        return runs;
    }

    private void awaitAllEnded(List<String> flowIds) {
        eventually().until(() -> flowIds.stream().allMatch(id -> execution.runningCycles(FlowId.of(id)) == 0));
        for (String flow : flowIds) {
            new TreeSet<>(started.getOrDefault(flow, Set.of())).forEach(cycle -> awaitEnd(flow, cycle));
        }
    }
}
