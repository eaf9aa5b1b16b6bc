package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.catalog.adapter.out.nodes.ConstantNode;
import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.execution.application.port.in.FailNodeTaskUseCase;
import io.weatherstation.execution.application.port.in.FailWaitingNodeTaskUseCase;
import io.weatherstation.execution.application.port.in.ReceiveSignalUseCase;
import io.weatherstation.execution.application.port.in.RunNodeTaskUseCase;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A station's AMQP transport in a small Spring context, with the engine's use cases recorded. */
final class StationContexts {

    /** The node type the test stations support: they consume its task queue. */
    static final String NODE_TYPE = "constant_node";

    private StationContexts() {
    }

    static ApplicationContextRunner runner(TestBroker broker, Engine engine) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class))
                .withUserConfiguration(AmqpTransportConfiguration.class, AmqpSignalPublisherAdapter.class,
                        AmqpTaskDispatcherAdapter.class)
                .withBean(NodeRegistry.class, () -> NodeRegistry.of(List.of(new ConstantNode())))
                .withBean(RunningTasks.class, () -> engine.running, bean -> bean.setDestroyMethodName("close"))
                .withBean(ReceiveSignalUseCase.class, () -> engine::receive)
                .withBean(RunNodeTaskUseCase.class, () -> engine::run)
                .withBean(FailNodeTaskUseCase.class, () -> engine::fail)
                .withBean(FailWaitingNodeTaskUseCase.class, () -> engine::failWaiting)
                .withPropertyValues(broker.stationPropertyPairs());
    }

    record Received(SignalRoute route, Signal signal) {
    }

    record Ran(TaskAssignment assignment, Instant at) {
    }

    record Failed(NodeTaskId task, String reason) {
    }

    /** Records what the transport hands to the engine; each use case may be told to fail. */
    static final class Engine {
        final RunningTasks running = new RunningTasks(Duration.ofMillis(20));
        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        final BlockingQueue<Ran> ran = new LinkedBlockingQueue<>();
        final BlockingQueue<Failed> failed = new LinkedBlockingQueue<>();
        final BlockingQueue<Failed> failedWaiting = new LinkedBlockingQueue<>();
        final AtomicInteger receiveCalls = new AtomicInteger();
        final AtomicInteger runCalls = new AtomicInteger();
        volatile boolean receiveFails;
        volatile boolean runFails;
        /** A run that blocks waits on this, which nothing opens: the task runs until its thread dies. */
        volatile boolean runBlocks;
        private final CountDownLatch never = new CountDownLatch(1);

        void receive(SignalRoute route, Signal signal) {
            receiveCalls.incrementAndGet();
            if (receiveFails) {
                throw new IllegalStateException("state store unreachable");
            }
            received.add(new Received(route, signal));
        }

        void run(TaskAssignment assignment) {
            runCalls.incrementAndGet();
            ran.add(new Ran(assignment, Instant.now()));
            if (runFails) {
                throw new IllegalStateException("state store unreachable");
            }
            if (runBlocks) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void fail(NodeTaskId task, String reason) {
            failed.add(new Failed(task, reason));
        }

        void failWaiting(NodeTaskId task, String reason) {
            failedWaiting.add(new Failed(task, reason));
        }
    }
}
