package io.weatherstation.journal.adapter.out.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.weatherstation.journal.application.LiveEventsService;
import io.weatherstation.journal.application.port.in.FollowFlowEventsUseCase.Follower;
import io.weatherstation.journal.application.port.in.TooManyFollowersException;
import io.weatherstation.journal.application.port.out.EventLog;
import io.weatherstation.journal.domain.EventId;
import io.weatherstation.journal.domain.EventPage;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.journal.domain.LiveEventType;
import io.weatherstation.journal.domain.StoredEvent;
import io.weatherstation.shared.domain.FlowId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live events over the embedded mode's log: followers see events as they are recorded, resume after
 * an id without gaps or duplicates, hear of a gap once, and recording never blocks or throws.
 */
class LiveEventsServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final FlowId FLOW = FlowId.of("followed");

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing.reversed()) {
            closeable.close();
        }
    }

    private LiveEventsService service(EventLog log, int bufferCapacity, int maxFollowers) {
        LiveEventsService service = new LiveEventsService(log, bufferCapacity, 100, Duration.ofSeconds(1), maxFollowers);
        closing.add(service);
        return service;
    }

    private static InMemoryEventLogAdapter memoryLog(int retained) {
        return new InMemoryEventLogAdapter(retained, Duration.ofHours(1), Clock.systemUTC());
    }

    private static LiveEvent event(int n) {
        return LiveEvent.of(FLOW, LiveEventType.LOG, Instant.now(), Map.of("n", n));
    }

    private Follower follow(LiveEventsService service, EventId after) {
        Follower follower = service.follow(FLOW, after);
        closing.add(follower);
        return follower;
    }

    /** Reads until {@code count} events came (or fails after {@link #WAIT}). */
    private static List<StoredEvent> read(Follower follower, int count) throws InterruptedException {
        List<StoredEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (events.size() < count && System.nanoTime() < deadline) {
            events.addAll(follower.next(Duration.ofMillis(200)).events());
        }
        return events;
    }

    private static List<Integer> numbers(List<StoredEvent> events) {
        return events.stream().map(e -> ((Number) e.event().data().get("n")).intValue()).toList();
    }

    @Test
    void a_follower_sees_events_recorded_after_it_started_in_order() throws Exception {
        LiveEventsService service = service(memoryLog(1_000), 1_000, 10);
        service.record(event(-1));
        await().atMost(WAIT).until(() -> service.bufferedEvents() == 0);
        Follower follower = service.follow(FLOW, null);
        closing.add(follower);

        for (int n = 0; n < 5; n++) {
            service.record(event(n));
        }

        assertThat(numbers(read(follower, 5))).containsExactly(0, 1, 2, 3, 4);
        assertThat(follower.next(Duration.ofMillis(50)).events()).isEmpty();
    }

    @Test
    void a_follower_waiting_for_events_wakes_up_when_one_is_written() throws Exception {
        LiveEventsService service = service(memoryLog(1_000), 1_000, 10);
        Follower follower = follow(service, EventId.ZERO);
        List<StoredEvent> got = new ArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                got.addAll(follower.next(Duration.ofSeconds(30)).events());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        service.record(event(7));

        assertThat(reader.join(WAIT)).isTrue();
        assertThat(numbers(got)).containsExactly(7);
    }

    @Test
    void resuming_after_an_event_id_gives_every_later_event_exactly_once() throws Exception {
        LiveEventsService service = service(memoryLog(1_000), 1_000, 10);
        Follower first = follow(service, EventId.ZERO);
        for (int n = 0; n < 10; n++) {
            service.record(event(n));
        }
        List<StoredEvent> before = read(first, 4).subList(0, 4);
        first.close();
        EventId lastSeen = before.getLast().id();
        for (int n = 10; n < 15; n++) {
            service.record(event(n));
        }

        Follower resumed = follow(service, lastSeen);
        List<StoredEvent> after = read(resumed, 11);

        List<StoredEvent> together = new ArrayList<>(before);
        together.addAll(after);
        assertThat(numbers(together)).isEqualTo(java.util.stream.IntStream.range(0, 15).boxed().toList());
        assertThat(together).extracting(StoredEvent::id).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_follower_behind_the_retention_window_hears_of_the_gap_once_then_gets_what_is_retained() throws Exception {
        LiveEventsService service = service(memoryLog(5), 1_000, 10);
        Follower early = follow(service, EventId.ZERO);
        service.record(event(0));
        EventId seen = read(early, 1).getFirst().id();
        for (int n = 1; n < 20; n++) {
            service.record(event(n));
        }
        await().atMost(WAIT).until(() -> service.bufferedEvents() == 0);

        Follower late = follow(service, seen);
        EventPage first = late.next(WAIT);

        assertThat(first.hasGap()).isTrue();
        assertThat(first.lostThrough()).isGreaterThanOrEqualTo(seen);
        List<StoredEvent> retained = new ArrayList<>(first.events());
        retained.addAll(read(late, 5 - retained.size()));
        assertThat(numbers(retained)).containsExactly(15, 16, 17, 18, 19);
        assertThat(late.next(Duration.ofMillis(50)).hasGap()).isFalse();
    }

    @Test
    void recording_never_blocks_and_counts_what_a_full_buffer_drops() {
        CountDownLatch release = new CountDownLatch(1);
        EventLog stuck = new StuckLog(release);
        LiveEventsService service = service(stuck, 3, 10);
        closing.add(release::countDown);

        long started = System.nanoTime();
        for (int n = 0; n < 100; n++) {
            service.record(event(n));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        // A batch (at most the first event and the three it drained) may be in the stuck append,
        // three wait in the buffer, the rest is dropped.
        assertThat(service.droppedEvents()).isBetween(100L - 4 - 3, 100L - 3);
        assertThat(service.recordedEvents() + service.droppedEvents()).isEqualTo(100);
    }

    @Test
    void an_unavailable_log_drops_and_counts_instead_of_failing_the_recorder() {
        EventLog failing = new StuckLog(null);
        LiveEventsService service = service(failing, 100, 10);

        for (int n = 0; n < 10; n++) {
            service.record(event(n));
        }

        await().atMost(WAIT).until(() -> service.droppedEvents() == 10);
        assertThat(service.failedAppends()).isPositive();
    }

    @Test
    void an_instance_serves_at_most_its_number_of_followers() {
        LiveEventsService service = service(memoryLog(10), 10, 2);
        follow(service, null);
        Follower second = follow(service, null);

        assertThatThrownBy(() -> service.follow(FLOW, null)).isInstanceOf(TooManyFollowersException.class);
        second.close();
        follow(service, null);
        assertThat(service.followers()).isEqualTo(2);
    }

    /** A log whose appends wait for {@code release}, or fail when there is none. */
    private record StuckLog(CountDownLatch release) implements EventLog {

        @Override
        public void append(List<LiveEvent> events) {
            if (release == null) {
                throw new IllegalStateException("event log unavailable");
            }
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public EventPage readAfter(FlowId flowId, EventId after, int limit) {
            return EventPage.of(List.of());
        }

        @Override
        public EventId latest(FlowId flowId) {
            return EventId.ZERO;
        }

        @Override
        public void onAppended(Consumer<FlowId> listener) {
        }

        @Override
        public String retention() {
            return "nothing";
        }
    }
}
