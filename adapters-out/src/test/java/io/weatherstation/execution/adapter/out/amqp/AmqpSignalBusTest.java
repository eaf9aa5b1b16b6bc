package io.weatherstation.execution.adapter.out.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.adapter.out.amqp.StationContexts.Engine;
import io.weatherstation.execution.adapter.out.amqp.StationContexts.Failed;
import io.weatherstation.execution.adapter.out.amqp.StationContexts.Received;
import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.execution.application.port.out.SignalPublisher;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.signaling.domain.Signal;
import io.weatherstation.signaling.domain.SignalRoute;
import io.weatherstation.signaling.domain.SignalType;
import io.weatherstation.signaling.domain.StopRequest;
import io.weatherstation.signaling.domain.StopRoute;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

/** The signal bus on a real broker: SPEC §6–7, failure modes 1 and 2 (SPEC §11). */
class AmqpSignalBusTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FlowId FLOW = FlowId.of("amqp_flow");
    private static final CycleNumber CYCLE = CycleNumber.of(7);
    private static final Instant AT = Instant.parse("2025-01-02T03:04:05.123Z");

    private final TestBroker broker = new TestBroker();
    private final Engine engine = new Engine();

    @AfterEach
    void deleteWhatTheTestCreated() {
        broker.close();
    }

    private static SignalRoute named() {
        return SignalRoute.to(FLOW, ComponentId.of(0), CYCLE, NodeId.of("price"), HandleName.of("data"),
                NodeId.of("ai"), HandleName.of("price_data"));
    }

    private static SignalRoute wildcard() {
        return SignalRoute.wildcard(FLOW, ComponentId.of(0), CYCLE, NodeId.of("price"), HandleName.of("data"),
                NodeId.of("code"));
    }

    private static Signal priceSignal() {
        return Signal.of(SignalType.PRICE_DATA, Map.of("symbol", "BTCUSDT", "close", 97_123.5, "volume", 12), AT);
    }

    /** Anyone may watch a flow live by binding {@code flow.{flow_id}.#} (SPEC §7). */
    private String tapQueue() {
        // Exclusive (gone with the test's connection), not auto-delete: read by several consumers in turn.
        Queue tap = QueueBuilder.nonDurable(broker.track(broker.name("tap." + FLOW.value()))).exclusive().build();
        broker.admin.declareQueue(tap);
        broker.admin.declareBinding(BindingBuilder.bind(tap)
                .to(new TopicExchange(broker.name("signals_exchange"))).with(SignalRoute.bindingPatternForFlow(FLOW)));
        return tap.getName();
    }

    private Message nextOn(String queue) {
        Message message = broker.template.receive(queue, WAIT.toMillis());
        assertThat(message).as("a message on " + queue).isNotNull();
        return message;
    }

    @Test
    void publishes_with_the_contract_routing_keys_json_body_and_persistent_properties() {
        StationContexts.runner(broker, engine).withPropertyValues("station.amqp.auto-startup=false").run(context -> {
            SignalPublisher publisher = context.getBean(SignalPublisher.class);
            // No container started: make the station declare its topology, as it does when it connects.
            context.getBean(RabbitAdmin.class).initialize();
            String tap = tapQueue();
            Signal data = priceSignal();
            Signal perHandle = Signal.of(SignalType.DATA_READY, Map.of("a", Map.of("x", 1), "b", Map.of("x", 1)), AT);
            StopRequest stop = new StopRequest(ComponentId.of(0), "condition not met", NodeId.of("cond"), AT);

            publisher.publish(named(), data);
            publisher.publish(wildcard(), perHandle);
            publisher.publishStop(StopRoute.of(FLOW, CYCLE), stop.toSignal());

            List<Message> seen = List.of(nextOn(tap), nextOn(tap), nextOn(tap));
            assertThat(seen).extracting(m -> m.getMessageProperties().getReceivedRoutingKey()).containsExactly(
                    "flow.amqp_flow.component.0.cycle.7.from.price.handle.data.to.ai.handle.price_data",
                    "flow.amqp_flow.component.0.cycle.7.from.price.handle.data.to.code.handle.*",
                    "flow.amqp_flow.signal.STOP_EXECUTION.cycle.7");
            assertThat(seen).allSatisfy(message -> {
                MessageProperties properties = message.getMessageProperties();
                assertThat(properties.getContentType()).isEqualTo("application/json");
                assertThat(properties.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
                assertThat(properties.getMessageId()).isNotBlank();
            });
            assertThat(new HashSet<>(seen.stream().map(m -> m.getMessageProperties().getMessageId()).toList())).hasSize(3);
            assertThat(AmqpJson.readObject(seen.get(0).getBody())).isEqualTo(Map.of(
                    "signal_type", "PRICE_DATA",
                    "payload", Map.of("symbol", "BTCUSDT", "close", 97_123.5, "volume", 12),
                    "timestamp", "2025-01-02T03:04:05.123Z"));
            assertThat(new String(seen.get(0).getBody(), StandardCharsets.UTF_8)).startsWith("{\"signal_type\":\"PRICE_DATA\"");
            assertThat(SignalMessages.fromMessage(seen.get(1))).isEqualTo(perHandle);
            assertThat(StopRequest.fromSignal(SignalMessages.fromMessage(seen.get(2)))).isEqualTo(stop);
        });
    }

    @Test
    void data_signals_reach_the_engine_and_stops_do_not_go_to_the_signal_queue() {
        StationContexts.runner(broker, engine).run(context -> {
            SignalPublisher publisher = context.getBean(SignalPublisher.class);

            publisher.publish(named(), priceSignal());
            publisher.publish(wildcard(), priceSignal());
            publisher.publishStop(StopRoute.of(FLOW, CYCLE),
                    new StopRequest(ComponentId.of(0), "enough", NodeId.of("cond"), AT).toSignal());

            await().atMost(WAIT).until(() -> engine.received.size() == 2);
            assertThat(engine.received).containsExactlyInAnyOrder(
                    new Received(named(), priceSignal()), new Received(wildcard(), priceSignal()));
            await().atMost(WAIT).until(() -> broker.admin.getQueueInfo(broker.name("station.signals")).getMessageCount() == 0);
            assertThat(engine.receiveCalls).hasValue(2);
        });
    }

    @Test
    void a_signal_published_before_any_consumer_is_ready_waits_in_the_queue_and_is_delivered_when_one_starts() {
        StationContexts.runner(broker, engine).withPropertyValues("station.amqp.auto-startup=false").run(context -> {
            context.getBean(SignalPublisher.class).publish(named(), priceSignal());

            assertThat(broker.admin.getQueueInfo(broker.name("station.signals")).getMessageCount()).isEqualTo(1);
            assertThat(engine.received).isEmpty();

            context.getBean("stationSignalContainer", DirectMessageListenerContainer.class).start();

            await().atMost(WAIT).until(() -> !engine.received.isEmpty());
            assertThat(engine.received).containsExactly(new Received(named(), priceSignal()));
        });
    }

    @Test
    void no_queue_per_node_or_cycle_exists_only_the_shared_ones() {
        StationContexts.runner(broker, engine).run(context -> {
            context.getBean(SignalPublisher.class).publish(named(), priceSignal());
            await().atMost(WAIT).until(() -> !engine.received.isEmpty());

            for (String expected : List.of("station.signals", "station.signals.dead", "station.tasks.dead",
                    "station.tasks." + StationContexts.NODE_TYPE)) {
                assertThat(broker.admin.getQueueProperties(broker.name(expected))).as(expected).isNotNull();
            }
            String stopQueue = context.getBean(AmqpTopology.class).stopQueueName();
            assertThat(stopQueue).startsWith(broker.name("station.stops."));
            // Exclusive to the station's connection: only the station itself can look at it.
            assertThat(context.getBean(RabbitAdmin.class).getQueueProperties(stopQueue)).isNotNull();
            // The original engine's layout: one queue per node per cycle, never deleted.
            for (String node : List.of("ai", "code", "price")) {
                assertThat(broker.admin.getQueueProperties("queue.flow.amqp_flow.cycle.7.node." + node)).isNull();
                assertThat(broker.admin.getQueueProperties(broker.name("queue.flow.amqp_flow.cycle.7.node." + node))).isNull();
            }
        });
    }

    @Test
    void the_signal_queue_is_a_durable_quorum_queue_with_a_delivery_limit_and_dead_letters() {
        StationContexts.runner(broker, engine).withPropertyValues("station.amqp.auto-startup=false").run(context -> {
            context.getBean(SignalPublisher.class).publish(named(), priceSignal());
            // Declaring it again with the same arguments succeeds; different ones would be refused.
            Queue expected = context.getBean(AmqpTopology.class).signalQueue();
            assertThat(expected.isDurable()).isTrue();
            assertThat(expected.getArguments()).containsEntry("x-queue-type", "quorum")
                    .containsEntry("x-delivery-limit", 2)
                    .containsEntry("x-dead-letter-exchange", broker.name("station.dead-letter"));
            assertThat(broker.admin.declareQueue(expected)).isEqualTo(expected.getName());
        });
    }

    @Test
    void a_malformed_signal_is_dead_lettered_at_once_and_never_reaches_the_engine() {
        StationContexts.runner(broker, engine).run(context -> {
            deadSignalsLeftForInspection(context);
            context.getBean(SignalPublisher.class).publish(named(), priceSignal());
            await().atMost(WAIT).until(() -> engine.received.size() == 1);
            MessageProperties properties = new MessageProperties();
            properties.setContentType("application/json");

            broker.template.send(broker.name("signals_exchange"), named().routingKey(),
                    new Message("{\"signal_type\": 42}".getBytes(StandardCharsets.UTF_8), properties));

            Message dead = nextOn(broker.name("station.signals.dead"));
            assertThat(dead.getMessageProperties().getXDeathHeader()).first()
                    .satisfies(death -> assertThat(death.get("reason")).hasToString("rejected"));
            assertThat(engine.receiveCalls).hasValue(1);
        });
    }

    @Test
    void a_signal_the_engine_keeps_failing_on_is_retried_then_dead_lettered() {
        engine.receiveFails = true;
        StationContexts.runner(broker, engine).run(context -> {
            deadSignalsLeftForInspection(context);
            context.getBean(SignalPublisher.class).publish(named(), priceSignal());

            Message dead = nextOn(broker.name("station.signals.dead"));

            assertThat(dead.getMessageProperties().getReceivedRoutingKey()).isEqualTo("signals");
            assertThat(dead.getMessageProperties().getXDeathHeader()).first()
                    .satisfies(death -> assertThat(death.get("reason")).hasToString("delivery_limit"));
            assertThat(SignalMessages.fromMessage(dead)).isEqualTo(priceSignal());
            // delivery limit 2: the first delivery and two more
            assertThat(engine.receiveCalls).hasValue(3);
        });
    }

    @Test
    void a_signal_that_could_not_be_delivered_fails_its_waiting_target_task() throws Exception {
        engine.receiveFails = true;
        StationContexts.runner(broker, engine).run(context -> {
            context.getBean(SignalPublisher.class).publish(named(), priceSignal());

            Failed failed = engine.failedWaiting.poll(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(failed).isEqualTo(new Failed(NodeTaskId.of(FLOW, CYCLE, NodeId.of("ai")),
                    "signal from price.data could not be delivered: delivery limit exceeded after 3 attempts"));
            await().atMost(WAIT).until(() ->
                    broker.admin.getQueueInfo(broker.name("station.signals.dead")).getMessageCount() == 0);
            assertThat(engine.failed).isEmpty();
        });
    }

    @Test
    void a_signal_that_could_not_be_read_fails_its_waiting_target_task() throws Exception {
        StationContexts.runner(broker, engine).run(context -> {
            MessageProperties properties = new MessageProperties();
            properties.setContentType("application/json");

            broker.template.send(broker.name("signals_exchange"), wildcard().routingKey(),
                    new Message("{\"signal_type\": 42}".getBytes(StandardCharsets.UTF_8), properties));

            Failed failed = engine.failedWaiting.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(failed).isEqualTo(new Failed(NodeTaskId.of(FLOW, CYCLE, NodeId.of("code")),
                    "signal from price.data could not be read"));
            assertThat(engine.receiveCalls).hasValue(0);
        });
    }

    /** Stops the station's consumer of dead signals, so the test can read them itself. */
    private static void deadSignalsLeftForInspection(org.springframework.context.ApplicationContext context) {
        context.getBean("stationDeadSignalContainer", DirectMessageListenerContainer.class).stop();
    }

    @Test
    void a_stop_broadcast_interrupts_the_tasks_of_that_component_running_on_this_instance() {
        StationContexts.runner(broker, engine).withPropertyValues("station.amqp.auto-startup=false").run(context -> {
            // Publishing first opens the publisher connection: the exclusive stop queue must still
            // belong to the connection the stop consumer uses.
            context.getBean(SignalPublisher.class).publish(named(), priceSignal());
            context.getBean("stationStopContainer", DirectMessageListenerContainer.class).start();
            NodeTaskId stopped = NodeTaskId.of(FLOW, CYCLE, NodeId.of("ai"));
            NodeTaskId otherComponent = NodeTaskId.of(FLOW, CYCLE, NodeId.of("other"));
            NodeTaskId otherCycle = NodeTaskId.of(FLOW, CycleNumber.of(8), NodeId.of("ai"));
            Map<NodeTaskId, String> interrupted = new ConcurrentHashMap<>();
            CountDownLatch release = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            threads.add(runUntilInterrupted(engine.running, stopped, ComponentId.of(0), interrupted, release));
            threads.add(runUntilInterrupted(engine.running, otherComponent, ComponentId.of(1), interrupted, release));
            threads.add(runUntilInterrupted(engine.running, otherCycle, ComponentId.of(0), interrupted, release));
            await().atMost(WAIT).until(() -> engine.running.count() == 3);

            context.getBean(SignalPublisher.class).publishStop(StopRoute.of(FLOW, CYCLE),
                    new StopRequest(ComponentId.of(0), "condition not met", NodeId.of("cond"), AT).toSignal());

            await().atMost(WAIT).until(() -> interrupted.containsKey(stopped));
            assertThat(interrupted).containsExactly(Map.entry(stopped, "execution stopped by node cond: condition not met"));
            assertThat(engine.running.isRunning(otherComponent)).isTrue();
            assertThat(engine.running.isRunning(otherCycle)).isTrue();
            release.countDown();
            for (Thread thread : threads) {
                thread.join(WAIT);
            }
        });
    }

    private static Thread runUntilInterrupted(RunningTasks running, NodeTaskId task, ComponentId component,
            Map<NodeTaskId, String> interrupted, CountDownLatch release) {
        return Thread.ofVirtual().start(() -> {
            try (RunningTasks.Handle handle = running.enter(task, component, Duration.ofMinutes(1))) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.put(task, String.valueOf(handle.interruption()));
                }
            }
        });
    }

    @Test
    void publishing_fails_loudly_when_the_broker_refuses_the_message() {
        StationContexts.runner(broker, engine).withPropertyValues("station.amqp.auto-startup=false").run(context -> {
            SignalPublisher publisher = context.getBean(SignalPublisher.class);
            publisher.publish(named(), priceSignal());
            broker.admin.deleteExchange(broker.name("signals_exchange"));

            assertThatThrownBy(() -> publisher.publish(named(), priceSignal()))
                    .isInstanceOf(AmqpPublishException.class)
                    .hasMessageContaining("the broker refused")
                    .hasMessageContaining(broker.name("signals_exchange"))
                    .hasMessageContaining(named().routingKey());
        });
    }

    @Test
    void publishing_fails_loudly_when_no_queue_takes_a_data_signal() {
        StationContexts.runner(broker, engine).withPropertyValues("station.amqp.auto-startup=false").run(context -> {
            SignalPublisher publisher = context.getBean(SignalPublisher.class);
            publisher.publish(named(), priceSignal());
            broker.admin.removeBinding(new Binding(broker.name("station.signals"), Binding.DestinationType.QUEUE,
                    broker.name("signals_exchange"), AmqpTopology.ALL_DATA_SIGNALS, null));

            assertThatThrownBy(() -> publisher.publish(named(), priceSignal()))
                    .isInstanceOf(AmqpPublishException.class)
                    .hasMessageContaining("no queue is bound");
        });
    }

    private static List<SignalPublisher.Outgoing> fanOut(int width) {
        List<SignalPublisher.Outgoing> signals = new java.util.ArrayList<>();
        for (int i = 0; i < width; i++) {
            signals.add(new SignalPublisher.Outgoing(SignalRoute.to(FLOW, ComponentId.of(0), CYCLE, NodeId.of("price"),
                    HandleName.of("data"), NodeId.of("branch_" + i), HandleName.of("price_data")), priceSignal()));
        }
        return signals;
    }

    @Test
    void signals_published_together_all_reach_the_engine() {
        StationContexts.runner(broker, engine).run(context -> {
            List<SignalPublisher.Outgoing> signals = fanOut(20);

            context.getBean(SignalPublisher.class).publishAll(signals);

            await().atMost(WAIT).until(() -> engine.received.size() == 20);
            assertThat(engine.received).containsExactlyInAnyOrderElementsOf(
                    signals.stream().map(s -> new Received(s.route(), s.signal())).toList());
        });
    }

    @Test
    void publishing_together_fails_loudly_when_no_queue_takes_the_signals() {
        StationContexts.runner(broker, engine).withPropertyValues("station.amqp.auto-startup=false").run(context -> {
            SignalPublisher publisher = context.getBean(SignalPublisher.class);
            publisher.publish(named(), priceSignal());
            broker.admin.removeBinding(new Binding(broker.name("station.signals"), Binding.DestinationType.QUEUE,
                    broker.name("signals_exchange"), AmqpTopology.ALL_DATA_SIGNALS, null));

            assertThatThrownBy(() -> publisher.publishAll(fanOut(3)))
                    .isInstanceOf(AmqpPublishException.class)
                    .hasMessageContaining("no queue is bound");
        });
    }

    @Test
    void publishing_together_fails_loudly_when_the_broker_refuses_the_messages() {
        StationContexts.runner(broker, engine)
                .withPropertyValues("station.amqp.auto-startup=false", "station.amqp.publish-attempts=1").run(context -> {
                    SignalPublisher publisher = context.getBean(SignalPublisher.class);
                    publisher.publish(named(), priceSignal());
                    broker.admin.deleteExchange(broker.name("signals_exchange"));

                    assertThatThrownBy(() -> publisher.publishAll(fanOut(3)))
                            .isInstanceOf(AmqpPublishException.class)
                            .hasMessageContaining(broker.name("signals_exchange"));
                });
    }

    @Test
    void publishing_fails_loudly_when_the_broker_is_unreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StationContexts.runner(broker, engine)
                .withPropertyValues("station.amqp.auto-startup=false", "spring.rabbitmq.port=" + closedPort,
                        "spring.rabbitmq.connection-timeout=2s")
                .run(context -> assertThatThrownBy(() -> context.getBean(SignalPublisher.class).publish(named(), priceSignal()))
                        .isInstanceOf(AmqpPublishException.class)
                        .hasMessageContaining("could not publish"));
    }

    @Test
    void the_transport_refuses_to_start_without_publisher_confirms() {
        StationContexts.runner(broker, engine)
                .withPropertyValues("station.amqp.auto-startup=false", "spring.rabbitmq.publisher-confirm-type=none")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("publisher-confirm-type=correlated"));
    }
}
