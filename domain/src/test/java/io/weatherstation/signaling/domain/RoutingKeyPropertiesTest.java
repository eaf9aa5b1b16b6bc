package io.weatherstation.signaling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random checks of the routing key codec: everything valid round-trips, every mutation is rejected. */
class RoutingKeyPropertiesTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final int[] SIGNAL_ID_WORDS = {1, 7, 9, 11, 13};
    private static final int[] SIGNAL_NUMBER_WORDS = {3, 5};
    private static final int[] SIGNAL_LITERAL_WORDS = {0, 2, 4, 6, 8, 10, 12};
    private static final char[] FORBIDDEN = {'*', '#', ' ', '.'};

    static LongStream seeds() {
        return Seeds.seeds();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyValidSignalRouteRoundTrips(long seed) {
        Random random = new Random(seed);
        SignalRoute route = randomRoute(random);

        String key = route.routingKey();

        assertThat(SignalRoute.parse(key)).as("seed %d: %s", seed, key).isEqualTo(route);
        assertThat(RoutingKeys.parseAny(key)).as("seed %d: %s", seed, key).isEqualTo(route);
        assertThat(key.split("\\.", -1)).as("seed %d: %s", seed, key).hasSize(14);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyValidStopRouteRoundTrips(long seed) {
        Random random = new Random(seed);
        StopRoute route = StopRoute.of(FlowId.of(randomId(random)), CycleNumber.of(randomCycle(random)));

        String key = route.routingKey();

        assertThat(StopRoute.parse(key)).as("seed %d: %s", seed, key).isEqualTo(route);
        assertThat(RoutingKeys.parseAny(key)).as("seed %d: %s", seed, key).isEqualTo(route);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyMutationOfASignalKeyIsRejected(long seed) {
        Random random = new Random(seed);
        String key = randomRoute(random).routingKey();

        for (Mutation mutation : Mutation.values()) {
            String mutated = mutation.applyToSignalKey(key, random);
            assertThatThrownBy(() -> SignalRoute.parse(mutated))
                    .as("seed %d, %s: %s", seed, mutation, mutated)
                    .isInstanceOf(MalformedRoutingKeyException.class)
                    .satisfies(e -> assertThat(((MalformedRoutingKeyException) e).problem()).isNotBlank());
            assertThatThrownBy(() -> RoutingKeys.parseAny(mutated))
                    .as("seed %d, %s: %s", seed, mutation, mutated)
                    .isInstanceOf(MalformedRoutingKeyException.class);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyMutationOfAStopKeyIsRejected(long seed) {
        Random random = new Random(seed);
        String key = StopRoute.of(FlowId.of(randomId(random)), CycleNumber.of(randomCycle(random))).routingKey();

        for (Mutation mutation : Mutation.values()) {
            String mutated = mutation.applyToStopKey(key, random);
            assertThatThrownBy(() -> StopRoute.parse(mutated))
                    .as("seed %d, %s: %s", seed, mutation, mutated)
                    .isInstanceOf(MalformedRoutingKeyException.class);
            assertThatThrownBy(() -> RoutingKeys.parseAny(mutated))
                    .as("seed %d, %s: %s", seed, mutation, mutated)
                    .isInstanceOf(MalformedRoutingKeyException.class);
        }
    }

    enum Mutation {
        DROP_WORD {
            @Override
            String mutate(String[] words, int[] ids, int[] numbers, int[] literals, Random random) {
                List<String> kept = new ArrayList<>(Arrays.asList(words));
                kept.remove(random.nextInt(kept.size()));
                return String.join(".", kept);
            }
        },
        INSERT_DOT {
            @Override
            String mutate(String[] words, int[] ids, int[] numbers, int[] literals, Random random) {
                String key = String.join(".", words);
                int at = random.nextInt(key.length() + 1);
                return key.substring(0, at) + "." + key.substring(at);
            }
        },
        FORBIDDEN_CHARACTER_IN_AN_ID {
            @Override
            String mutate(String[] words, int[] ids, int[] numbers, int[] literals, Random random) {
                char replacement = FORBIDDEN[random.nextInt(FORBIDDEN.length)];
                int index;
                do {
                    index = ids[random.nextInt(ids.length)];
                    // A one-character target handle replaced by '*' is a valid wildcard key.
                } while (replacement == '*' && index == 13 && words[index].length() == 1
                        || words[index].equals(TargetHandle.WILDCARD_WORD));
                char[] chars = words[index].toCharArray();
                chars[random.nextInt(chars.length)] = replacement;
                words[index] = new String(chars);
                return String.join(".", words);
            }
        },
        NEGATIVE_NUMBER {
            @Override
            String mutate(String[] words, int[] ids, int[] numbers, int[] literals, Random random) {
                int index = numbers[random.nextInt(numbers.length)];
                words[index] = "-" + (random.nextBoolean() ? words[index] : Integer.toString(1 + random.nextInt(1000)));
                return String.join(".", words);
            }
        },
        NON_NUMERIC_NUMBER {
            @Override
            String mutate(String[] words, int[] ids, int[] numbers, int[] literals, Random random) {
                int index = numbers[random.nextInt(numbers.length)];
                words[index] = switch (random.nextInt(4)) {
                    case 0 -> "0" + words[index];
                    case 1 -> words[index] + "x";
                    case 2 -> "+" + words[index];
                    default -> "99999999999999999999";
                };
                return String.join(".", words);
            }
        },
        SWAP_LITERAL_WORDS {
            @Override
            String mutate(String[] words, int[] ids, int[] numbers, int[] literals, Random random) {
                int first;
                int second;
                do {
                    first = literals[random.nextInt(literals.length)];
                    second = literals[random.nextInt(literals.length)];
                } while (words[first].equals(words[second]));
                String swap = words[first];
                words[first] = words[second];
                words[second] = swap;
                return String.join(".", words);
            }
        },
        HASH_ANYWHERE {
            @Override
            String mutate(String[] words, int[] ids, int[] numbers, int[] literals, Random random) {
                String key = String.join(".", words);
                int at = random.nextInt(key.length() + 1);
                return key.substring(0, at) + "#" + key.substring(at);
            }
        };

        abstract String mutate(String[] words, int[] ids, int[] numbers, int[] literals, Random random);

        String applyToSignalKey(String key, Random random) {
            return mutate(key.split("\\.", -1), SIGNAL_ID_WORDS, SIGNAL_NUMBER_WORDS, SIGNAL_LITERAL_WORDS, random);
        }

        String applyToStopKey(String key, Random random) {
            return mutate(key.split("\\.", -1), new int[] {1}, new int[] {5}, new int[] {0, 2, 3, 4}, random);
        }
    }

    static SignalRoute randomRoute(Random random) {
        FlowId flow = FlowId.of(randomId(random));
        ComponentId component = ComponentId.of(random.nextInt(4) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(10));
        CycleNumber cycle = CycleNumber.of(randomCycle(random));
        NodeId source = NodeId.of(randomId(random));
        HandleName sourceHandle = HandleName.of(randomId(random));
        NodeId target = NodeId.of(randomId(random));
        return random.nextInt(4) == 0
                ? SignalRoute.wildcard(flow, component, cycle, source, sourceHandle, target)
                : SignalRoute.to(flow, component, cycle, source, sourceHandle, target, HandleName.of(randomId(random)));
    }

    static long randomCycle(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(100);
            case 1 -> random.nextLong(Long.MAX_VALUE);
            default -> random.nextInt(Integer.MAX_VALUE);
        };
    }

    /** 1–128 characters over the whole id alphabet; short ids are favoured a little, as in real flows. */
    static String randomId(Random random) {
        int length = random.nextBoolean() ? 1 + random.nextInt(8) : 1 + random.nextInt(128);
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
