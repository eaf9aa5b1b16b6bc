package io.weatherstation.execution.adapter.out.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.application.port.in.RunNodeTaskUseCase;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class VirtualThreadTaskDispatcherAdapterTest {

    private final Map<String, Consumer<TaskAssignment>> behaviour = new ConcurrentHashMap<>();
    private final Map<String, Thread> ranOn = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final VirtualThreadTaskDispatcherAdapter dispatcher;

    VirtualThreadTaskDispatcherAdapterTest() {
        RunNodeTaskUseCase runner = assignment -> {
            String node = assignment.task().nodeId().value();
            ranOn.put(node, Thread.currentThread());
            order.add(node + ":start");
            behaviour.getOrDefault(node, a -> { }).accept(assignment);
            order.add(node + ":end");
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("runner", runner));
        dispatcher = new VirtualThreadTaskDispatcherAdapter(beans.getBeanProvider(RunNodeTaskUseCase.class));
    }

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void aTaskMadeReadyByARunningTaskRunsAfterItOnTheSameVirtualThread() {
        behaviour.put("a", a -> dispatcher.dispatch(task("b")));

        dispatcher.dispatch(task("a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> order.contains("b:end"));
        assertThat(order).containsExactly("a:start", "a:end", "b:start", "b:end");
        assertThat(ranOn.get("a")).isSameAs(ranOn.get("b"));
        assertThat(ranOn.get("a").isVirtual()).isTrue();
    }

    @Test
    void theOtherTasksOfAFanOutRunInParallelOnThreadsOfTheirOwn() {
        behaviour.put("source", a -> {
            dispatcher.dispatch(task("b1"));
            dispatcher.dispatch(task("b2"));
            dispatcher.dispatch(task("b3"));
        });

        dispatcher.dispatch(task("source"));

        await().atMost(Duration.ofSeconds(5)).until(() -> ranOn.keySet().containsAll(Set.of("b1", "b2", "b3")));
        assertThat(ranOn.get("b1")).isSameAs(ranOn.get("source"));
        assertThat(ranOn.get("b2")).isNotSameAs(ranOn.get("source")).isNotSameAs(ranOn.get("b3"));
        assertThat(ranOn.get("b3")).isNotSameAs(ranOn.get("source"));
    }

    @Test
    void theKeptTaskRunsEvenWhenTheTaskThatMadeItReadyFailsAfterwards() {
        behaviour.put("a", a -> {
            dispatcher.dispatch(task("b"));
            throw new IllegalStateException("failed after its signal was sent");
        });

        dispatcher.dispatch(task("a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> order.contains("b:end"));
    }

    @Test
    void anInterruptLeftOverFromTheFinishedTaskDoesNotReachTheNextOne() {
        boolean[] interruptedAtStart = new boolean[1];
        behaviour.put("a", a -> {
            dispatcher.dispatch(task("b"));
            Thread.currentThread().interrupt();
        });
        behaviour.put("b", a -> interruptedAtStart[0] = Thread.currentThread().isInterrupted());

        dispatcher.dispatch(task("a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> order.contains("b:end"));
        assertThat(interruptedAtStart[0]).isFalse();
    }

    private static TaskAssignment task(String node) {
        return new TaskAssignment(NodeTaskId.of(FlowId.of("flow"), CycleNumber.of(1), NodeId.of(node)), "bench",
                ComponentId.of(0), Map.of(), 1);
    }
}
