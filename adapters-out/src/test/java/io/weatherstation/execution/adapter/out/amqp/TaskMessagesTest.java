package io.weatherstation.execution.adapter.out.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.execution.application.port.out.TaskAssignment;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

class TaskMessagesTest {

    /** Ids may contain the display id's separator: the parts travel as their own fields. */
    private static final NodeTaskId TASK = NodeTaskId.of(FlowId.of("my_flow_2"), CycleNumber.of(12), NodeId.of("node_3"));

    @Test
    void an_assignment_survives_the_wire_and_takes_the_redelivered_flag_from_the_envelope() {
        TaskAssignment assignment = new TaskAssignment(TASK, "code_node", ComponentId.of(2),
                Map.of("input_data", Map.of("price.data", Map.of("close", 1.25, "n", 3, "big", 12_345_678_901L)),
                        "list", List.of("a", false)), 3);

        byte[] body = TaskMessages.encode(assignment);

        assertThat(TaskMessages.decode(body, false)).isEqualTo(assignment);
        assertThat(TaskMessages.decode(body, true)).isEqualTo(assignment.asRedelivered());
        assertThat(TaskMessages.taskOf(body)).isEqualTo(TASK);
    }

    @Test
    void a_damaged_message_is_refused_naming_the_field() {
        assertThatThrownBy(() -> TaskMessages.decode(json("{\"flow_id\": \"f\", \"cycle\": 1}"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'node_id'");
        assertThatThrownBy(() -> TaskMessages.decode(json("{\"flow_id\": \"f\", \"cycle\": \"1\", \"node_id\": \"n\"}"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cycle' must be an integer");
        assertThatThrownBy(() -> TaskMessages.decode(json("[1]"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> TaskMessages.decode(json("{} {}"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> TaskMessages.decode(json("{\"flow_id\": \"bad id!\", \"cycle\": 1, \"node_id\": \"n\"}"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoff_doubles_with_each_earlier_delivery_up_to_its_cap() {
        ManualAckListener listener = new ManualAckListener(Runnable::run, Duration.ofMillis(100), Duration.ofSeconds(1)) {
            @Override
            Runnable decode(Message message) {
                return () -> { };
            }

            @Override
            String describe(Message message) {
                return "test";
            }
        };

        assertThat(List.of(0L, 1L, 2L, 3L, 4L, 60L)).map(listener::backoffAfter).containsExactly(Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        MessageProperties properties = new MessageProperties();
        assertThat(ManualAckListener.deliveryCount(properties)).isZero();
        properties.setHeader("x-delivery-count", 3L);
        assertThat(ManualAckListener.deliveryCount(properties)).isEqualTo(3);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
