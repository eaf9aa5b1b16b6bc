package io.weatherstation.execution.adapter.out;

import io.weatherstation.execution.domain.Cycle;
import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.flow.adapter.out.FlowFixtures;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.flow.domain.WeatherSyntax;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.testing.FixtureCronSyntax;
import io.weatherstation.testing.FixtureNodeTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Cycles, tasks and definitions for the execution adapters' tests. */
public final class ExecutionFixtures {

    public static final Instant T0 = FlowFixtures.T0;
    /** The fixture flow's nodes in definition order, and their components. */
    public static final List<String> NODES = List.of("src", "snk", "keep", "side");
    private static final List<String> TYPES = List.of("source", "sink", "params", "params");
    private static final List<Integer> COMPONENTS = List.of(0, 0, 1, 2);

    private ExecutionFixtures() {
    }

    /** The parsed fixture definition (secret parameters included). */
    public static FlowDefinition definition() {
        return WeatherSyntax.read(FlowFixtures.document("fixture"), FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE,
                FlowLimits.DEFAULT);
    }

    public static Cycle cycle(String flow, long number) {
        Cycle cycle = Cycle.start(FlowId.of(flow), CycleNumber.of(number), NODES.stream().map(NodeId::of).toList(),
                T0.plusSeconds(number));
        cycle.pullEvents();
        return cycle;
    }

    public static List<NodeTask> tasks(String flow, long number) {
        return java.util.stream.IntStream.range(0, NODES.size()).mapToObj(i -> {
            NodeTask task = NodeTask.register(taskId(flow, number, NODES.get(i)), TYPES.get(i),
                    ComponentId.of(COMPONENTS.get(i)), T0.plusSeconds(number));
            task.pullEvents();
            return task;
        }).toList();
    }

    public static NodeTaskId taskId(String flow, long number, String node) {
        return NodeTaskId.of(FlowId.of(flow), CycleNumber.of(number), NodeId.of(node));
    }

    /** A clock tests move by hand. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
