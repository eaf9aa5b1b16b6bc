package io.weatherstation.execution.adapter.out;

import static io.weatherstation.execution.adapter.out.ExecutionFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.application.port.out.TerminationFlags;
import org.junit.jupiter.api.Test;

/** What every {@link TerminationFlags} does. */
public abstract class TerminationFlagsContract {

    protected abstract TerminationFlags flags();

    @Test
    void a_request_is_seen_with_its_reason_and_only_for_its_task() {
        flags().request(taskId("alpha", 0, "buy"), "user requested stop");

        assertThat(flags().requested(taskId("alpha", 0, "buy"))).contains("user requested stop");
        assertThat(flags().requested(taskId("alpha", 1, "buy"))).isEmpty();
        assertThat(flags().requested(taskId("bravo", 0, "buy"))).isEmpty();
    }

    @Test
    void the_latest_request_wins() {
        flags().request(taskId("alpha", 0, "buy"), "first");
        flags().request(taskId("alpha", 0, "buy"), "second");

        assertThat(flags().requested(taskId("alpha", 0, "buy"))).contains("second");
    }
}
