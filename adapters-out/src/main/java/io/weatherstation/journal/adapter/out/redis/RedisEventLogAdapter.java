package io.weatherstation.journal.adapter.out.redis;

import io.weatherstation.journal.application.port.out.EventLog;
import io.weatherstation.journal.domain.EventId;
import io.weatherstation.journal.domain.EventPage;
import io.weatherstation.journal.domain.LiveEvent;
import io.weatherstation.journal.domain.LiveEventType;
import io.weatherstation.journal.domain.StoredEvent;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.FlowId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Live events in a Redis stream per flow, {@code flow_events:{flow_id}} (entries {@code type},
 * {@code at}, {@code data} as JSON), trimmed to {@code retainedPerFlow} entries by every append and
 * expiring {@code ttl} after the flow's last event. Stream ids
 * are the event ids, so every instance reads the same ids and a client may resume on any of them.
 * Each append publishes the flow id on {@code station:flow_events}, which wakes the followers of
 * that flow on every instance. A gap is detected with the stream's {@code max-deleted-entry-id}
 * (Redis 7), which the append raises to the newest trimmed id.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class RedisEventLogAdapter implements EventLog {

    private static final Logger LOG = Logger.getLogger(RedisEventLogAdapter.class.getName());

    /**
     * KEYS: one stream per flow. ARGV: max length, ttl ms, channel, then per stream: flow id,
     * event count, (type, at, data) per event. Each stream is appended, trimmed and announced as
     * if appended alone; a batch of several flows costs one round trip.
     * Trims exactly and records the newest trimmed id as the stream's {@code max-deleted-entry-id}
     * ({@code XSETID … MAXDELETEDID}): Redis 7.0 does not raise it when {@code XADD}/{@code XTRIM}
     * trim, and it is what tells a reader behind the retention window that it missed events.
     */
    private static final RedisScript<Long> APPEND = new DefaultRedisScript<>("""
            local i = 4
            for k = 1, #KEYS do
              local stream, flow, count = KEYS[k], ARGV[i], tonumber(ARGV[i + 1])
              i = i + 2
              local last
              for e = 1, count do
                last = redis.call('XADD', stream, '*', 'type', ARGV[i], 'at', ARGV[i + 1], 'data', ARGV[i + 2])
                i = i + 3
              end
              local excess = redis.call('XLEN', stream) - tonumber(ARGV[1])
              if excess > 0 then
                local cut = redis.call('XRANGE', stream, '-', '+', 'COUNT', excess)
                redis.call('XTRIM', stream, 'MAXLEN', ARGV[1])
                redis.call('XSETID', stream, last, 'MAXDELETEDID', cut[#cut][1])
              end
              redis.call('PEXPIRE', stream, ARGV[2])
              redis.call('PUBLISH', ARGV[3], flow)
            end
            return 1
            """, Long.class);

    /**
     * KEYS: stream. ARGV: after, count. Returns {exists, max-deleted-entry-id, last-generated-id,
     * entries}; reading the trim mark and the entries in one script keeps them consistent.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return {0, '0-0', '0-0', {}}
            end
            local info = redis.call('XINFO', 'STREAM', KEYS[1])
            local deleted, last = '0-0', '0-0'
            for i = 1, #info, 2 do
              if info[i] == 'max-deleted-entry-id' then deleted = info[i + 1] end
              if info[i] == 'last-generated-id' then last = info[i + 1] end
            end
            local entries = {}
            if tonumber(ARGV[2]) > 0 then
              entries = redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2])
            end
            return {1, deleted, last, entries}
            """, List.class);

    private final StringRedisTemplate redis;
    private final RedisKeyspace keys;
    private final int retainedPerFlow;
    private final Duration ttl;
    private final String channel;
    private final List<Consumer<FlowId>> listeners = new CopyOnWriteArrayList<>();

    RedisEventLogAdapter(StringRedisTemplate redis, RedisKeyspace keys, RedisMessageListenerContainer container,
            @Value("${station.events.retained-per-flow:10000}") int retainedPerFlow,
            @Value("${station.events.ttl:24h}") Duration ttl) {
        if (retainedPerFlow < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the event log must retain at least one event for a positive time");
        }
        this.redis = redis;
        this.keys = keys;
        this.retainedPerFlow = retainedPerFlow;
        this.ttl = ttl;
        this.channel = keys.key("station:flow_events");
        container.addMessageListener((message, pattern) -> notice(message.getBody()), new ChannelTopic(channel));
    }

    String streamKey(FlowId flowId) {
        return keys.key("flow_events:" + flowId.value());
    }

    String channel() {
        return channel;
    }

    @Override
    public void append(List<LiveEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<FlowId, List<String>> byFlow = new LinkedHashMap<>();
        for (LiveEvent event : events) {
            List<String> fields = byFlow.computeIfAbsent(event.flowId(), flowId -> new ArrayList<>());
            fields.add(event.type().wireName());
            fields.add(event.at().toString());
            fields.add(StoredJson.write(event.data()));
        }
        List<String> streams = new ArrayList<>(byFlow.size());
        List<String> args = new ArrayList<>(List.of(Integer.toString(retainedPerFlow), Long.toString(ttl.toMillis()),
                channel));
        byFlow.forEach((flowId, fields) -> {
            streams.add(streamKey(flowId));
            args.add(flowId.value());
            args.add(Integer.toString(fields.size() / 3));
            args.addAll(fields);
        });
        redis.execute(APPEND, streams, args.toArray());
    }

    @Override
    public EventPage readAfter(FlowId flowId, EventId after, int limit) {
        Read read = read(flowId, after, limit);
        if (!read.exists()) {
            // Nothing retained: whatever came after a position the client saw is gone.
            return new EventPage(List.of(), after.equals(EventId.ZERO) ? null : after);
        }
        return new EventPage(read.events(), read.maxDeleted().isAfter(after) ? read.maxDeleted() : null);
    }

    @Override
    public EventId latest(FlowId flowId) {
        return read(flowId, EventId.ZERO, 0).lastGenerated();
    }

    @Override
    public void onAppended(Consumer<FlowId> listener) {
        listeners.add(listener);
    }

    @Override
    public String retention() {
        return "the last " + retainedPerFlow + " events of each flow, for " + ttl.toHours()
                + " h after the flow's last event";
    }

    private void notice(byte[] body) {
        String flowId = new String(body, StandardCharsets.UTF_8);
        try {
            FlowId flow = FlowId.of(flowId);
            listeners.forEach(listener -> listener.accept(flow));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "ignored a malformed flow event notice: " + flowId, e);
        }
    }

    private Read read(FlowId flowId, EventId after, int limit) {
        List<?> result = redis.execute(READ, List.of(streamKey(flowId)), after.toString(), Integer.toString(limit));
        if (result == null || result.size() < 4) {
            throw new IllegalStateException("unexpected answer from the event log read: " + result);
        }
        boolean exists = ((Number) result.get(0)).longValue() == 1L;
        EventId maxDeleted = EventId.parse(text(result.get(1)));
        EventId last = EventId.parse(text(result.get(2)));
        List<StoredEvent> events = new ArrayList<>();
        for (Object entry : (List<?>) result.get(3)) {
            List<?> pair = (List<?>) entry;
            events.add(new StoredEvent(EventId.parse(text(pair.get(0))), decode(flowId, (List<?>) pair.get(1))));
        }
        return new Read(exists, maxDeleted, last, events);
    }

    private static LiveEvent decode(FlowId flowId, List<?> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            values.put(text(fields.get(i)), text(fields.get(i + 1)));
        }
        Map<String, @Nullable Object> data = StoredJson.readPayload(values.getOrDefault("data", "{}"));
        return new LiveEvent(flowId, LiveEventType.fromWireName(values.get("type")), data,
                Instant.parse(values.get("at")));
    }

    private static String text(@Nullable Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private record Read(boolean exists, EventId maxDeleted, EventId lastGenerated, List<StoredEvent> events) {
    }
}
