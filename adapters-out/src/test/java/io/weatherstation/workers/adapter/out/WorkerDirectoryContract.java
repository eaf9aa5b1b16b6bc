package io.weatherstation.workers.adapter.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.adapter.out.ExecutionFixtures.MutableClock;
import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.workers.application.port.out.WorkerDirectory;
import io.weatherstation.workers.domain.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link WorkerDirectory} does. Implementations use {@link #clock}. */
public abstract class WorkerDirectoryContract {

    protected final MutableClock clock = new MutableClock(Instant.now());

    protected abstract WorkerDirectory directory();

    protected WorkerInfo worker(String id) {
        return new WorkerInfo(WorkerId.of(id), "http://" + id + ":7002", List.of("price_node", "buy_node"), "active",
                clock.instant(), clock.instant());
    }

    @Test
    void registered_workers_are_live_in_id_order() {
        directory().heartbeat(worker("w-b"));
        directory().heartbeat(worker("w-a"));

        assertThat(directory().live()).extracting(w -> w.id().value()).containsExactly("w-a", "w-b");
        WorkerInfo a = directory().live().getFirst();
        assertThat(a.apiUrl()).isEqualTo("http://w-a:7002");
        assertThat(a.supportedNodes()).containsExactly("price_node", "buy_node");
        assertThat(a.status()).isEqualTo("active");
        assertThat(a.lastHeartbeat()).isEqualTo(clock.instant());
    }

    @Test
    void a_heartbeat_refreshes_the_entry() {
        WorkerInfo first = worker("w-a");
        directory().heartbeat(first);
        clock.advance(Duration.ofSeconds(30));

        directory().heartbeat(first.heartbeat(clock.instant()));

        assertThat(directory().live()).singleElement().satisfies(w -> assertThat(w.lastHeartbeat()).isEqualTo(clock.instant()));
    }

    @Test
    void a_worker_without_heartbeat_for_a_minute_is_not_live() {
        directory().heartbeat(worker("w-a"));
        clock.advance(Duration.ofSeconds(61));

        assertThat(directory().live()).isEmpty();
    }

    @Test
    void a_worker_that_leaves_is_gone() {
        directory().heartbeat(worker("w-a"));
        directory().heartbeat(worker("w-b"));

        directory().remove(WorkerId.of("w-a"));

        assertThat(directory().live()).extracting(w -> w.id().value()).containsExactly("w-b");
    }
}
