package io.weatherstation.journal.adapter.out.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.journal.adapter.out.EventLogContract;
import io.weatherstation.journal.application.port.out.EventLog;
import io.weatherstation.journal.domain.EventId;
import io.weatherstation.shared.domain.FlowId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The embedded mode's event log meets the contract; its rings expire like the Redis streams. */
class InMemoryEventLogAdapterContractTest extends EventLogContract {

    @Override
    protected EventLog log(int retained) {
        return new InMemoryEventLogAdapter(retained, Duration.ofHours(24), Clock.systemUTC());
    }

    @Test
    void ids_are_millisecond_sequence_pairs_that_grow_even_when_the_clock_stands_still() {
        InMemoryEventLogAdapter log = new InMemoryEventLogAdapter(100, Duration.ofHours(1),
                Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
        FlowId flow = FlowId.of("still");

        log.append(events(flow, 0, 3));

        assertThat(log.readAfter(flow, EventId.ZERO, 10).events()).extracting(e -> e.id().toString())
                .containsExactly("1000-0", "1000-1", "1000-2");
    }

    @Test
    void a_flow_silent_for_the_ttl_loses_its_log_and_a_reader_behind_it_hears_of_the_gap_once_per_position() {
        AtomicLong now = new AtomicLong(1_000_000);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        InMemoryEventLogAdapter log = new InMemoryEventLogAdapter(100, Duration.ofMinutes(10), clock);
        FlowId flow = FlowId.of("idle");
        log.append(events(flow, 0, 2));
        EventId seen = log.latest(flow);

        now.addAndGet(Duration.ofMinutes(10).toMillis());

        assertThat(log.latest(flow)).isEqualTo(EventId.ZERO);
        assertThat(log.readAfter(flow, seen, 10).lostThrough()).isEqualTo(seen);
        log.append(List.of(event(flow, 5)));
        assertThat(log.readAfter(flow, seen, 10).hasGap()).isFalse();
        assertThat(log.readAfter(flow, seen, 10).events()).hasSize(1);
    }
}
