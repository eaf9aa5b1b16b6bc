package io.weatherstation;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.application.port.out.SignalPublisher;
import io.weatherstation.execution.application.port.out.TaskDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The embedded mode needs no infrastructure: nothing in it talks to a broker. */
@SpringBootTest
class EmbeddedModeTest {

    @Autowired ApplicationContext context;

    @Test
    void runs_on_the_in_process_transport_without_any_rabbitmq_bean() {
        assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        assertThat(context.getBean(SignalPublisher.class).getClass().getSimpleName()).isEqualTo("InProcessSignalBusAdapter");
        assertThat(context.getBean(TaskDispatcher.class).getClass().getSimpleName())
                .isEqualTo("VirtualThreadTaskDispatcherAdapter");
    }
}
