package io.weatherstation.journal.adapter.out.memory;

import io.weatherstation.journal.application.port.out.EventLog;
import io.weatherstation.journal.domain.EventId;
import io.weatherstation.journal.domain.EventPage;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.journal.domain.StoredEvent;
import io.weatherstation.shared.domain.FlowId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Live events of the embedded mode: a ring of the last {@code retainedPerFlow} events per flow,
 * with ids in the Redis stream form ({@code <millis>-<sequence>}, growing within a flow). A flow's
 * ring is dropped {@code ttl} after its last event, like the Redis stream's key, so memory is
 * bounded by the flows active within that time.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryEventLogAdapter implements EventLog {

    private final int retainedPerFlow;
    private final Duration ttl;
    private final Clock clock;
    private final Map<FlowId, Ring> rings = new ConcurrentHashMap<>();
    private final List<Consumer<FlowId>> listeners = new CopyOnWriteArrayList<>();
    private volatile long nextSweep;

    InMemoryEventLogAdapter(@Value("${station.events.retained-per-flow:10000}") int retainedPerFlow,
            @Value("${station.events.ttl:24h}") Duration ttl, Clock clock) {
        if (retainedPerFlow < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the event log must retain at least one event for a positive time");
        }
        this.retainedPerFlow = retainedPerFlow;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void append(List<LiveEvent> events) {
        long now = clock.millis();
        Set<FlowId> touched = new LinkedHashSet<>();
        @Nullable FlowId current = null;
        @Nullable Ring ring = null;
        for (LiveEvent event : events) {
            if (ring == null || !event.flowId().equals(current)) {
                current = event.flowId();
                ring = rings.get(current);
                if (ring == null || ring.expired(now, ttl)) {
                    ring = rings.compute(current, (id, r) -> r == null || r.expired(now, ttl) ? new Ring() : r);
                }
                touched.add(current);
            }
            ring.add(event, now, retainedPerFlow);
        }
        sweep(now);
        for (FlowId flowId : touched) {
            listeners.forEach(listener -> listener.accept(flowId));
        }
    }

    @Override
    public EventPage readAfter(FlowId flowId, EventId after, int limit) {
        Ring ring = live(flowId);
        if (ring == null) {
            // Nothing retained: whatever came after a position the client saw is gone.
            return new EventPage(List.of(), after.equals(EventId.ZERO) ? null : after);
        }
        return ring.readAfter(after, limit);
    }

    @Override
    public EventId latest(FlowId flowId) {
        Ring ring = live(flowId);
        return ring == null ? EventId.ZERO : ring.latest();
    }

    @Override
    public void onAppended(Consumer<FlowId> listener) {
        listeners.add(listener);
    }

    @Override
    public String retention() {
        return "the last " + retainedPerFlow + " events of each flow, for " + ttl.toHours()
                + " h after the flow's last event, in this process";
    }

    private @Nullable Ring live(FlowId flowId) {
        Ring ring = rings.get(flowId);
        if (ring != null && ring.expired(clock.millis(), ttl)) {
            rings.remove(flowId, ring);
            return null;
        }
        return ring;
    }

    /** Drops expired rings, at most once a minute. */
    private void sweep(long now) {
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + 60_000;
        rings.entrySet().removeIf(entry -> entry.getValue().expired(now, ttl));
    }

    /** One flow's events, oldest first; {@code start} skips the discarded head until it is compacted. */
    private static final class Ring {
        private final ArrayList<StoredEvent> events = new ArrayList<>();
        private int start;
        private EventId last = EventId.ZERO;
        private @Nullable EventId lastDiscarded;
        private long lastAppend;

        synchronized void add(LiveEvent event, long now, int capacity) {
            last = last.next(now);
            events.add(new StoredEvent(last, event));
            lastAppend = now;
            while (events.size() - start > capacity) {
                lastDiscarded = events.get(start).id();
                events.set(start, null);
                start++;
            }
            if (start > 1024 && start > events.size() / 2) {
                events.subList(0, start).clear();
                start = 0;
            }
        }

        synchronized boolean expired(long now, Duration ttl) {
            return now - lastAppend >= ttl.toMillis();
        }

        synchronized EventId latest() {
            return last;
        }

        synchronized EventPage readAfter(EventId after, int limit) {
            int from = firstAfter(after);
            List<StoredEvent> page = new ArrayList<>(Math.min(limit, events.size() - from));
            for (int i = from; i < events.size() && page.size() < limit; i++) {
                page.add(events.get(i));
            }
            EventId lost = lastDiscarded != null && lastDiscarded.isAfter(after) ? lastDiscarded : null;
            return new EventPage(page, lost);
        }

        /** Index of the first retained event after {@code after} (binary search: ids grow). */
        private int firstAfter(EventId after) {
            int low = start;
            int high = events.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (events.get(mid).id().isAfter(after)) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }
    }
}
