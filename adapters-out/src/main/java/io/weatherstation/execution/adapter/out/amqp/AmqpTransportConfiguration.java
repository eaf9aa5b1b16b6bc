package io.weatherstation.execution.adapter.out.amqp;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.execution.application.port.in.FailNodeTaskUseCase;
import io.weatherstation.execution.application.port.in.FailWaitingNodeTaskUseCase;
import io.weatherstation.execution.application.port.in.ReceiveSignalUseCase;
import io.weatherstation.execution.application.port.in.RunNodeTaskUseCase;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the RabbitMQ transport of the distributed mode (ADR 0010): the topology, which Spring
 * AMQP's admin declares whenever a connection opens, the confirming publisher behind the two
 * adapters, and the listener containers. Each container consumes with manual acknowledgements
 * and a bounded prefetch; handlers run on virtual threads.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
@EnableConfigurationProperties(AmqpProperties.class)
class AmqpTransportConfiguration {

    @Bean
    AmqpTopology amqpTopology(AmqpProperties properties) {
        return new AmqpTopology(properties);
    }

    @Bean
    Declarables stationAmqpTopology(AmqpTopology topology, NodeRegistry registry) {
        return topology.declarables(registry.typeNames());
    }

    @Bean
    ConfirmedPublisher confirmedPublisher(ConnectionFactory connectionFactory, AmqpProperties properties) {
        return new ConfirmedPublisher(connectionFactory, properties.confirmTimeout(), properties.publishAttempts(),
                properties.publishRetryPause());
    }

    /**
     * Virtual threads for message handlers. Not an {@code Executor} bean, which would replace
     * Spring Boot's application task executor. Shut down without interrupting: a task still
     * running when the instance stops is delivered again elsewhere, as after a crash.
     */
    @Bean(destroyMethod = "shutdown")
    HandlerThreads amqpHandlerThreads() {
        return new HandlerThreads(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("amqp-handler-", 0).factory()));
    }

    @Bean
    DirectMessageListenerContainer stationSignalContainer(ConnectionFactory connectionFactory, AmqpAdmin admin,
            AmqpProperties properties, ObjectProvider<ReceiveSignalUseCase> receiver, HandlerThreads threads) {
        return container(connectionFactory, admin, properties, properties.signalPrefetch(), AcknowledgeMode.MANUAL,
                new AmqpSignalListener(receiver, threads.executor()::execute, properties.redeliveryBackoff(),
                        properties.maxRedeliveryBackoff()),
                List.of(properties.signalsQueue()));
    }

    @Bean
    DirectMessageListenerContainer stationStopContainer(ConnectionFactory connectionFactory, AmqpAdmin admin,
            AmqpProperties properties, AmqpTopology topology, RunningTasks running) {
        return container(connectionFactory, admin, properties, 16, AcknowledgeMode.AUTO, new AmqpStopListener(running),
                List.of(topology.stopQueueName()));
    }

    @Bean
    DirectMessageListenerContainer stationTaskContainer(ConnectionFactory connectionFactory, AmqpAdmin admin,
            AmqpProperties properties, AmqpTopology topology, NodeRegistry registry,
            ObjectProvider<RunNodeTaskUseCase> runner, HandlerThreads threads) {
        List<String> queues = registry.typeNames().stream().map(topology::taskQueueName).toList();
        DirectMessageListenerContainer container = container(connectionFactory, admin, properties,
                properties.taskPrefetch(), AcknowledgeMode.MANUAL,
                new AmqpTaskListener(runner, threads.executor()::execute, properties.redeliveryBackoff(),
                        properties.maxRedeliveryBackoff()),
                queues);
        container.setAutoStartup(properties.autoStartup() && !queues.isEmpty());
        return container;
    }

    @Bean
    DirectMessageListenerContainer stationDeadTaskContainer(ConnectionFactory connectionFactory, AmqpAdmin admin,
            AmqpProperties properties, ObjectProvider<FailNodeTaskUseCase> failer, HandlerThreads threads) {
        return container(connectionFactory, admin, properties, 16, AcknowledgeMode.MANUAL,
                new AmqpDeadTaskListener(failer, properties.deliveryLimit(), threads.executor()::execute,
                        properties.redeliveryBackoff(), properties.maxRedeliveryBackoff()),
                List.of(properties.tasksDeadQueue()));
    }

    @Bean
    DirectMessageListenerContainer stationDeadSignalContainer(ConnectionFactory connectionFactory, AmqpAdmin admin,
            AmqpProperties properties, ObjectProvider<FailWaitingNodeTaskUseCase> failer, HandlerThreads threads) {
        return container(connectionFactory, admin, properties, 16, AcknowledgeMode.MANUAL,
                new AmqpDeadSignalListener(failer, properties.deliveryLimit(), threads.executor()::execute,
                        properties.redeliveryBackoff(), properties.maxRedeliveryBackoff()),
                List.of(properties.signalsDeadQueue()));
    }

    private static DirectMessageListenerContainer container(ConnectionFactory connectionFactory, AmqpAdmin admin,
            AmqpProperties properties, int prefetch, AcknowledgeMode acknowledgeMode, MessageListener listener,
            List<String> queues) {
        DirectMessageListenerContainer container = new DirectMessageListenerContainer(connectionFactory);
        container.setQueueNames(queues.toArray(String[]::new));
        container.setAcknowledgeMode(acknowledgeMode);
        container.setPrefetchCount(prefetch);
        container.setMessageListener(listener);
        container.setAmqpAdmin(admin);
        container.setAutoStartup(properties.autoStartup());
        return container;
    }

    /** The executor of message handlers, kept out of the context's {@code Executor} beans. */
    record HandlerThreads(ExecutorService executor) {
        void shutdown() {
            executor.shutdown();
        }
    }
}
