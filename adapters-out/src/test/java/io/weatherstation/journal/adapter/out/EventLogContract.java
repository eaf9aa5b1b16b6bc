package io.weatherstation.journal.adapter.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.journal.application.port.out.EventLog;
import io.weatherstation.journal.domain.EventId;
import io.weatherstation.journal.domain.EventPage;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.journal.domain.LiveEventType;
import io.weatherstation.journal.domain.StoredEvent;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventLog} does: growing ids per flow, reads after a position (the resume
 * semantics of the live event stream), bounded retention and the gap it reports.
 */
public abstract class EventLogContract {

    /** A log retaining (at least) {@code retained} events per flow. */
    protected abstract EventLog log(int retained);

    /** The most a log may keep beyond what it was asked to retain (approximate trimming). */
    protected int slack() {
        return 0;
    }

    protected static LiveEvent event(FlowId flow, int n) {
        return LiveEvent.of(flow, LiveEventType.LOG, Instant.parse("2026-11-23T10:00:00Z").plusMillis(n),
                Map.of("n", n, "message", "line " + n));
    }

    protected static List<LiveEvent> events(FlowId flow, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(n -> event(flow, n)).toList();
    }

    private static List<Object> numbers(List<StoredEvent> events) {
        return events.stream().map(e -> e.event().data().get("n")).map(n -> (Object) ((Number) n).intValue()).toList();
    }

    @Test
    void reads_events_after_a_position_in_order_with_growing_ids() {
        EventLog log = log(1_000);
        FlowId flow = FlowId.of("reader");
        log.append(events(flow, 0, 5));

        EventPage all = log.readAfter(flow, EventId.ZERO, 100);

        assertThat(all.hasGap()).isFalse();
        assertThat(numbers(all.events())).containsExactly(0, 1, 2, 3, 4);
        assertThat(all.events()).extracting(StoredEvent::id).isSorted().doesNotHaveDuplicates();
        assertThat(all.events().getFirst().event()).isEqualTo(event(flow, 0));
        assertThat(log.latest(flow)).isEqualTo(all.events().getLast().id());

        EventPage resumed = log.readAfter(flow, all.events().get(1).id(), 100);
        assertThat(resumed.hasGap()).isFalse();
        assertThat(numbers(resumed.events())).containsExactly(2, 3, 4);
        assertThat(log.readAfter(flow, all.events().getLast().id(), 100).events()).isEmpty();
    }

    @Test
    void pages_are_bounded_and_later_appends_continue_after_the_last_id() {
        EventLog log = log(1_000);
        FlowId flow = FlowId.of("pager");
        log.append(events(flow, 0, 7));

        EventPage first = log.readAfter(flow, EventId.ZERO, 3);
        assertThat(numbers(first.events())).containsExactly(0, 1, 2);
        EventPage second = log.readAfter(flow, first.events().getLast().id(), 3);
        assertThat(numbers(second.events())).containsExactly(3, 4, 5);

        log.append(events(flow, 7, 2));
        EventPage rest = log.readAfter(flow, second.events().getLast().id(), 10);
        assertThat(numbers(rest.events())).containsExactly(6, 7, 8);
        assertThat(rest.events().getFirst().id()).isGreaterThan(second.events().getLast().id());
    }

    @Test
    void flows_have_logs_of_their_own() {
        EventLog log = log(1_000);
        FlowId one = FlowId.of("one");
        FlowId two = FlowId.of("two");
        List<LiveEvent> mixed = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            mixed.add(event(n % 2 == 0 ? one : two, n));
        }
        log.append(mixed);

        assertThat(numbers(log.readAfter(one, EventId.ZERO, 10).events())).containsExactly(0, 2);
        assertThat(numbers(log.readAfter(two, EventId.ZERO, 10).events())).containsExactly(1, 3);
        assertThat(log.latest(FlowId.of("silent"))).isEqualTo(EventId.ZERO);
        assertThat(log.readAfter(FlowId.of("silent"), EventId.ZERO, 10)).isEqualTo(EventPage.of(List.of()));
    }

    @Test
    void keeps_the_retained_number_of_newest_events_and_reports_the_gap_to_a_reader_behind_them() {
        int retained = 10;
        EventLog log = log(retained);
        FlowId flow = FlowId.of("busy");
        log.append(events(flow, 0, 1));
        EventId first = log.latest(flow);
        int total = 400;
        for (int from = 1; from < total; from += 50) {
            log.append(events(flow, from, Math.min(50, total - from)));
        }

        EventPage behind = log.readAfter(flow, first, 1_000);

        assertThat(behind.hasGap()).isTrue();
        assertThat(behind.lostThrough()).isGreaterThan(first);
        List<Object> kept = numbers(behind.events());
        assertThat(kept.size()).isBetween(retained, retained + slack());
        // What is retained is the newest events, without holes, ending with the last one.
        assertThat(kept).isEqualTo(IntStream.range(total - kept.size(), total).boxed().map(n -> (Object) n).toList());
        assertThat(behind.events().getFirst().id()).isGreaterThan(behind.lostThrough());

        EventPage acknowledged = log.readAfter(flow, behind.lostThrough(), 1_000);
        assertThat(acknowledged.hasGap()).isFalse();
        assertThat(acknowledged.events()).isEqualTo(behind.events());

        EventPage withinWindow = log.readAfter(flow, behind.events().get(2).id(), 1_000);
        assertThat(withinWindow.hasGap()).isFalse();
        assertThat(withinWindow.events()).isEqualTo(behind.events().subList(3, behind.events().size()));
    }

    @Test
    void a_position_in_a_log_that_holds_nothing_is_a_gap_up_to_that_position() {
        EventLog log = log(1_000);
        EventId seenBefore = new EventId(1_700_000_000_000L, 3);

        EventPage page = log.readAfter(FlowId.of("forgotten"), seenBefore, 10);

        assertThat(page.events()).isEmpty();
        assertThat(page.lostThrough()).isEqualTo(seenBefore);
    }

    @Test
    void tells_listeners_which_flows_got_events() {
        EventLog log = log(1_000);
        Set<FlowId> noticed = ConcurrentHashMap.newKeySet();
        log.onAppended(noticed::add);

        // Notices are hints that may be lost (a subscription still being set up): append until heard.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            log.append(List.of(event(FlowId.of("heard"), 0), event(FlowId.of("also-heard"), 1)));
            assertThat(noticed).containsExactlyInAnyOrder(FlowId.of("heard"), FlowId.of("also-heard"));
        });
    }
}
