package io.weatherstation.execution.adapter.out.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.execution.adapter.out.amqp.StationContexts.Engine;
import io.weatherstation.execution.adapter.out.amqp.StationContexts.Failed;
import io.weatherstation.execution.adapter.out.amqp.StationContexts.Ran;
import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.execution.application.port.out.TaskDispatcher;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

/** Task dispatch on a real broker: queues per node type, manual acks, retries, dead letters. */
class AmqpTaskDispatchTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final FlowId FLOW = FlowId.of("amqp_tasks");
    private static final String TYPE = StationContexts.NODE_TYPE;

    private final TestBroker broker = new TestBroker();

    @AfterEach
    void deleteWhatTheTestCreated() {
        broker.close();
    }

    private static TaskAssignment assignment(String node) {
        return new TaskAssignment(NodeTaskId.of(FLOW, CycleNumber.of(4), NodeId.of(node)), TYPE, ComponentId.of(1),
                Map.of("price", Map.of("close", 97_123.5, "symbol", "BTCUSDT"), "flags", List.of(true, "x", 3)), 1);
    }

    private static Ran next(Engine engine) throws InterruptedException {
        Ran ran = engine.ran.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ran).as("a task run").isNotNull();
        return ran;
    }

    @Test
    void a_dispatched_task_is_run_by_an_instance_supporting_its_type_and_acknowledged_after_the_run() throws Exception {
        Engine engine = new Engine();
        StationContexts.runner(broker, engine).run(context -> {
            context.getBean(TaskDispatcher.class).dispatch(assignment("a"));

            Ran ran = next(engine);

            assertThat(ran.assignment()).isEqualTo(assignment("a"));
            assertThat(ran.assignment().redelivered()).isFalse();
            String queue = broker.name("station.tasks." + TYPE);
            await().atMost(WAIT).until(() -> broker.admin.getQueueInfo(queue).getMessageCount() == 0);
            assertThat(engine.runCalls).hasValue(1);
        });
    }

    @Test
    void the_task_message_is_persistent_json_naming_the_task_by_its_parts() {
        Engine engine = new Engine();
        StationContexts.runner(broker, engine).withPropertyValues("station.amqp.auto-startup=false").run(context -> {
            context.getBean(TaskDispatcher.class).dispatch(assignment("a"));

            Message message = broker.template.receive(broker.name("station.tasks." + TYPE), WAIT.toMillis());

            assertThat(message).isNotNull();
            assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
            assertThat(message.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
            assertThat(message.getMessageProperties().getMessageId()).isNotBlank();
            assertThat(AmqpJson.readObject(message.getBody())).containsEntry("task_id", "amqp_tasks_4_a")
                    .containsEntry("flow_id", "amqp_tasks").containsEntry("cycle", 4).containsEntry("node_id", "a")
                    .containsEntry("node_type", TYPE).containsEntry("component_id", 1).containsEntry("attempt", 1);
        });
    }

    @Test
    void a_task_for_a_type_no_instance_supports_waits_in_its_own_queue() {
        Engine engine = new Engine();
        StationContexts.runner(broker, engine).run(context -> {
            String queue = broker.track(broker.name("station.tasks.gpu_only_node"));
            TaskAssignment task = new TaskAssignment(NodeTaskId.of(FLOW, CycleNumber.of(4), NodeId.of("g")),
                    "gpu_only_node", ComponentId.of(0), Map.of(), 1);

            context.getBean(TaskDispatcher.class).dispatch(task);

            assertThat(broker.admin.getQueueInfo(queue).getMessageCount()).isEqualTo(1);
            assertThat(engine.ran).isEmpty();
        });
    }

    @Test
    void a_task_whose_worker_dies_before_acknowledging_is_redelivered_to_another_worker_flagged_redelivered() {
        Engine dying = new Engine();
        dying.runBlocks = true;
        Engine survivor = new Engine();
        StationContexts.runner(broker, dying).run(first -> {
            StationContexts.runner(broker, survivor).withPropertyValues("station.amqp.auto-startup=false").run(second -> {
                first.getBean(TaskDispatcher.class).dispatch(assignment("a"));
                Ran taken = next(dying);
                assertThat(taken.assignment().redelivered()).isFalse();
                second.getBean("stationTaskContainer", DirectMessageListenerContainer.class).start();

                // The first worker dies mid-task: its connection goes, the delivery was never acknowledged.
                first.close();

                Ran redelivered = next(survivor);
                assertThat(redelivered.assignment().task()).isEqualTo(assignment("a").task());
                assertThat(redelivered.assignment().inputs()).isEqualTo(assignment("a").inputs());
                assertThat(redelivered.assignment().redelivered()).isTrue();
                assertThat(survivor.ran).isEmpty();
            });
        });
    }

    @Test
    void a_task_that_keeps_failing_is_dead_lettered_and_failed_with_the_reason() throws Exception {
        Engine engine = new Engine();
        engine.runFails = true;
        StationContexts.runner(broker, engine).run(context -> {
            context.getBean(TaskDispatcher.class).dispatch(assignment("a"));

            Failed failed = engine.failed.poll(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(failed).isEqualTo(new Failed(assignment("a").task(), "delivery limit exceeded after 3 attempts"));
            assertThat(engine.runCalls).hasValue(3);
            assertThat(engine.ran).extracting(r -> r.assignment().redelivered()).containsExactly(false, true, true);
            await().atMost(WAIT).until(() -> broker.admin.getQueueInfo(broker.name("station.tasks.dead")).getMessageCount() == 0);
        });
    }

    @Test
    void a_task_message_that_cannot_be_read_is_dead_lettered_without_running_or_failing_anything() {
        Engine engine = new Engine();
        StationContexts.runner(broker, engine).run(context -> {
            context.getBean(TaskDispatcher.class).dispatch(assignment("a"));
            next(engine);
            MessageProperties properties = new MessageProperties();
            properties.setContentType("application/json");

            broker.template.send(broker.name("station.tasks"), TYPE,
                    new Message("{\"flow_id\": \"f\"".getBytes(StandardCharsets.UTF_8), properties));

            String dead = broker.name("station.tasks.dead");
            await().atMost(WAIT).until(() -> broker.admin.getQueueInfo(dead).getMessageCount() == 0);
            assertThat(engine.runCalls).hasValue(1);
            assertThat(engine.failed).isEmpty();
        });
    }

    @Test
    void a_delayed_retry_arrives_after_its_delay_and_not_before() {
        Engine engine = new Engine();
        StationContexts.runner(broker, engine).run(context -> {
            Duration delay = Duration.ofMillis(1500);
            broker.track(broker.name("station.tasks.retry." + delay.toMillis()));
            Instant dispatched = Instant.now();

            context.getBean(TaskDispatcher.class).dispatchAfter(assignment("a").nextAttempt(), delay);

            await().atLeast(delay.minusMillis(300)).atMost(WAIT).until(() -> !engine.ran.isEmpty());
            Ran ran = engine.ran.poll();
            assertThat(Duration.between(dispatched, ran.at())).isGreaterThanOrEqualTo(delay);
            assertThat(ran.assignment()).isEqualTo(assignment("a").nextAttempt());
        });
    }

    @Test
    void a_short_delay_is_not_held_behind_a_longer_one_and_the_retry_survives_the_instance_that_scheduled_it() {
        Engine scheduler = new Engine();
        Engine worker = new Engine();
        StationContexts.runner(broker, worker).withPropertyValues("station.amqp.auto-startup=false").run(second -> {
            StationContexts.runner(broker, scheduler).withPropertyValues("station.amqp.auto-startup=false").run(first -> {
                broker.track(broker.name("station.tasks.retry.4000"));
                broker.track(broker.name("station.tasks.retry.600"));
                TaskDispatcher dispatcher = first.getBean(TaskDispatcher.class);
                dispatcher.dispatchAfter(assignment("slow"), Duration.ofSeconds(4));
                dispatcher.dispatchAfter(assignment("quick"), Duration.ofMillis(600));
            });
            // The instance that scheduled both retries is gone; the broker holds them.
            second.getBean("stationTaskContainer", DirectMessageListenerContainer.class).start();

            assertThat(next(worker).assignment().task().nodeId()).isEqualTo(NodeId.of("quick"));
            assertThat(next(worker).assignment().task().nodeId()).isEqualTo(NodeId.of("slow"));
            assertThat(scheduler.ran).isEmpty();
        });
    }

    @Test
    void retry_queues_have_one_delay_each_and_expire_when_unused() {
        Engine engine = new Engine();
        StationContexts.runner(broker, engine).withPropertyValues("station.amqp.auto-startup=false").run(context -> {
            String name = broker.track(broker.name("station.tasks.retry.2500"));
            context.getBean(TaskDispatcher.class).dispatchAfter(assignment("a"), Duration.ofMillis(2500));

            Queue declared = context.getBean(AmqpTopology.class).retryQueue(2500);
            assertThat(declared.getName()).isEqualTo(name);
            assertThat(declared.getArguments()).containsEntry("x-message-ttl", 2500).containsEntry("x-expires", 62_500)
                    .containsEntry("x-dead-letter-exchange", broker.name("station.tasks"));
            assertThat(context.getBean(RabbitAdmin.class).getQueueInfo(name).getMessageCount()).isEqualTo(1);
        });
    }
}
