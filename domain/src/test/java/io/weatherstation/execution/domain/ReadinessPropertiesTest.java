package io.weatherstation.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random checks of readiness: whatever the wiring, the arrival order and the duplicates,
 * a task's fate is decided exactly once, at the right moment, with the first payload of each edge.
 */
class ReadinessPropertiesTest {

    private static final String[] SOURCE_NODES = {"a", "b", "c", "d"};
    private static final String[] SOURCE_HANDLES = {"out", "data", "x"};
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    static LongStream seeds() {
        return Seeds.seeds();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void signalsInAnyOrderWithDuplicatesTriggerExactlyOnce(long seed) {
        Random random = new Random(seed);
        NodeInputWiring wiring = randomWiring(random);
        List<Delivery> deliveries = deliveries(wiring, random, 0.0);
        ReadinessTracker tracker = ReadinessTracker.forInputs(wiring);

        Set<Pair> resolved = new HashSet<>();
        Map<Pair, Map<String, Object>> firstPayloads = new HashMap<>();
        int total = wiring.edgeCount();
        int ready = 0;
        for (Delivery delivery : deliveries) {
            boolean first = resolved.add(delivery.pair());
            Arrival arrival = tracker.recordSignal(delivery.pair().handle(), delivery.pair().edge(), delivery.signal());
            assertThat(arrival.outcome()).as("seed %d: %s", seed, delivery)
                    .isEqualTo(first ? Arrival.Outcome.RECORDED : Arrival.Outcome.DUPLICATE);
            if (first) {
                firstPayloads.put(delivery.pair(), delivery.signal().payload());
            }

            ReadinessVerdict verdict = tracker.evaluate();

            if (resolved.size() < total) {
                assertThat(verdict.outcome()).as("seed %d: %d of %d in", seed, resolved.size(), total)
                        .isEqualTo(ReadinessVerdict.Outcome.WAITING);
            } else if (first) {
                assertThat(verdict.outcome()).as("seed %d: last input in", seed).isEqualTo(ReadinessVerdict.Outcome.READY);
                assertThat(verdict.inputs()).as("seed %d", seed).isEqualTo(expectedInputs(wiring, firstPayloads, Set.of()));
                ready++;
            } else {
                assertThat(verdict.outcome()).as("seed %d: after READY", seed)
                        .isEqualTo(ReadinessVerdict.Outcome.ALREADY_TRIGGERED);
            }
        }
        assertThat(ready).as("seed %d: READY verdicts", seed).isEqualTo(1);
        assertThat(tracker.evaluate().outcome()).as("seed %d", seed).isEqualTo(ReadinessVerdict.Outcome.ALREADY_TRIGGERED);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void signalsAndSkipsInAnyOrderDecideExactlyOnceAsTheRulesSay(long seed) {
        Random random = new Random(seed);
        NodeInputWiring wiring = randomWiring(random);
        List<Delivery> deliveries = deliveries(wiring, random, 0.35);
        ReadinessTracker tracker = ReadinessTracker.forInputs(wiring);

        Map<Pair, Delivery> firsts = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            firsts.putIfAbsent(delivery.pair(), delivery);
        }
        Expected expected = expectedOutcome(wiring, firsts);

        int decisions = 0;
        int resolvedCount = 0;
        Set<Pair> resolved = new HashSet<>();
        ReadinessVerdict decision = null;
        int decidedAt = -1;
        for (Delivery delivery : deliveries) {
            if (resolved.add(delivery.pair())) {
                resolvedCount++;
            }
            if (delivery.skip() == null) {
                tracker.recordSignal(delivery.pair().handle(), delivery.pair().edge(), delivery.signal());
            } else {
                tracker.recordSkip(delivery.pair().handle(), delivery.pair().edge(), delivery.skip());
            }
            ReadinessVerdict verdict = tracker.evaluate();
            if (verdict.isDecision()) {
                decisions++;
                decision = verdict;
                decidedAt = resolvedCount;
            } else if (decision != null) {
                assertThat(verdict.outcome()).as("seed %d", seed).isEqualTo(ReadinessVerdict.Outcome.ALREADY_TRIGGERED);
            }
        }

        assertThat(decisions).as("seed %d: decisions", seed).isEqualTo(1);
        assertThat(decision.outcome()).as("seed %d: %s", seed, decision.reason()).isEqualTo(expected.outcome());
        if (expected.outcome() == ReadinessVerdict.Outcome.READY) {
            assertThat(decidedAt).as("seed %d: READY only when everything is in", seed).isEqualTo(wiring.edgeCount());
            Map<Pair, Map<String, Object>> payloads = new HashMap<>();
            Set<Pair> skipped = new HashSet<>();
            firsts.forEach((pair, first) -> {
                if (first.skip() == null) {
                    payloads.put(pair, first.signal().payload());
                } else {
                    skipped.add(pair);
                }
            });
            assertThat(decision.inputs()).as("seed %d", seed).isEqualTo(expectedInputs(wiring, payloads, skipped));
        } else if (!expected.anyFailure()) {
            assertThat(decision.skipReason()).as("seed %d", seed).isEqualTo(SkipReason.UPSTREAM_SKIPPED);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void restoringMidwayDecidesLikeNeverStopping(long seed) {
        Random random = new Random(seed);
        NodeInputWiring wiring = randomWiring(random);
        List<Delivery> deliveries = deliveries(wiring, random, 0.2);
        int cut = random.nextInt(deliveries.size() + 1);
        ReadinessTracker straight = ReadinessTracker.forInputs(wiring);
        ReadinessTracker before = ReadinessTracker.forInputs(wiring);

        List<ReadinessVerdict.Outcome> straightOutcomes = new ArrayList<>();
        List<ReadinessVerdict.Outcome> restartedOutcomes = new ArrayList<>();
        ReadinessTracker current = before;
        for (int i = 0; i < deliveries.size(); i++) {
            if (i == cut) {
                current = ReadinessTracker.restore(wiring, before.arrivals(), before.isDecided());
            }
            apply(straight, deliveries.get(i));
            apply(current, deliveries.get(i));
            straightOutcomes.add(straight.evaluate().outcome());
            restartedOutcomes.add(current.evaluate().outcome());
        }

        assertThat(restartedOutcomes).as("seed %d, restarted after %d deliveries", seed, cut)
                .isEqualTo(straightOutcomes);
    }

    private static void apply(ReadinessTracker tracker, Delivery delivery) {
        if (delivery.skip() == null) {
            tracker.recordSignal(delivery.pair().handle(), delivery.pair().edge(), delivery.signal());
        } else {
            tracker.recordSkip(delivery.pair().handle(), delivery.pair().edge(), delivery.skip());
        }
    }

    record Pair(HandleName handle, EdgeKey edge) {
    }

    record Delivery(Pair pair, Signal signal, SkipReason skip) {
    }

    record Expected(ReadinessVerdict.Outcome outcome, boolean anyFailure) {
    }

    /** 1–5 handles, half of them aggregates of 1–4 edges, drawn from a small pool so that names collide. */
    static NodeInputWiring randomWiring(Random random) {
        int handles = 1 + random.nextInt(5);
        List<InputHandleWiring> wired = new ArrayList<>();
        for (int h = 0; h < handles; h++) {
            boolean aggregate = random.nextBoolean();
            int edges = aggregate ? 1 + random.nextInt(4) : 1;
            Set<EdgeKey> incoming = new LinkedHashSet<>();
            while (incoming.size() < edges) {
                incoming.add(EdgeKey.of(SOURCE_NODES[random.nextInt(SOURCE_NODES.length)],
                        SOURCE_HANDLES[random.nextInt(SOURCE_HANDLES.length)]));
            }
            wired.add(new InputHandleWiring(HandleName.of("h" + h), aggregate, random.nextInt(10) < 7, incoming));
        }
        return new NodeInputWiring(wired);
    }

    /**
     * Every (handle, edge) pair once, resolved by a signal or (with {@code skipShare}) a skip
     * marker, plus up to two redeliveries each — a redelivered signal carries a different payload,
     * so keeping the first is observable — all shuffled.
     */
    static List<Delivery> deliveries(NodeInputWiring wiring, Random random, double skipShare) {
        List<Delivery> deliveries = new ArrayList<>();
        int serial = 0;
        for (InputHandleWiring handle : wiring.handles()) {
            for (EdgeKey edge : handle.incoming()) {
                Pair pair = new Pair(handle.handle(), edge);
                SkipReason skip = random.nextDouble() < skipShare
                        ? (random.nextInt(4) == 0 ? SkipReason.UPSTREAM_FAILED : SkipReason.UPSTREAM_SKIPPED)
                        : null;
                int copies = 1 + random.nextInt(3);
                for (int copy = 0; copy < copies; copy++) {
                    Signal signal = Signal.of(SignalType.JSON_DATA,
                            Map.of("handle", handle.handle().value(), "edge", edge.display(), "serial", serial++), AT);
                    // A redelivery of a skip may also come back as a (late) signal: either way a duplicate.
                    SkipReason marker = skip != null && (copy == 0 || random.nextBoolean()) ? skip : null;
                    deliveries.add(new Delivery(pair, signal, marker));
                }
            }
        }
        Collections.shuffle(deliveries, random);
        return deliveries;
    }

    /** The rules, written out independently of the policy. */
    static Expected expectedOutcome(NodeInputWiring wiring, Map<Pair, Delivery> firsts) {
        boolean anyFailure = false;
        boolean requiredDead = false;
        int deadHandles = 0;
        for (InputHandleWiring handle : wiring.handles()) {
            boolean dead = true;
            for (EdgeKey edge : handle.incoming()) {
                SkipReason skip = firsts.get(new Pair(handle.handle(), edge)).skip();
                anyFailure |= skip == SkipReason.UPSTREAM_FAILED;
                dead &= skip != null;
            }
            if (dead) {
                deadHandles++;
                requiredDead |= handle.required();
            }
        }
        boolean skip = anyFailure || requiredDead || deadHandles == wiring.handles().size();
        return new Expected(skip ? ReadinessVerdict.Outcome.SKIP : ReadinessVerdict.Outcome.READY, anyFailure);
    }

    /** What the node should receive, written out independently of the policy. */
    static Map<String, Object> expectedInputs(NodeInputWiring wiring, Map<Pair, Map<String, Object>> payloads,
                                              Set<Pair> skipped) {
        Map<String, Object> inputs = new HashMap<>();
        for (InputHandleWiring handle : wiring.handles()) {
            if (!handle.aggregate()) {
                Pair pair = new Pair(handle.handle(), handle.incoming().iterator().next());
                if (!skipped.contains(pair)) {
                    inputs.put(handle.handle().value(), payloads.get(pair));
                }
                continue;
            }
            Map<String, Integer> nameCounts = new HashMap<>();
            handle.incoming().forEach(edge -> nameCounts.merge(edge.sourceHandle().value(), 1, Integer::sum));
            Map<String, Object> merged = new HashMap<>();
            for (EdgeKey edge : handle.incoming()) {
                Pair pair = new Pair(handle.handle(), edge);
                if (skipped.contains(pair)) {
                    continue;
                }
                String key = nameCounts.get(edge.sourceHandle().value()) > 1
                        ? edge.sourceNode().value() + "." + edge.sourceHandle().value()
                        : edge.sourceHandle().value();
                merged.put(key, payloads.get(pair));
            }
            if (!merged.isEmpty()) {
                inputs.put(handle.handle().value(), merged);
            }
        }
        return inputs;
    }
}
