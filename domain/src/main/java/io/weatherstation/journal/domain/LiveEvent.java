package io.weatherstation.journal.domain;

import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a flow, as followers of its live event stream see it: a type and a
 * JSON-shaped {@code data} object (strings, numbers, booleans, lists and maps; snake_case keys),
 * which always holds {@code flow_id} and {@code at}. Events carry no secrets: they are built from
 * what the journal and the status API already show.
 *
 * <p>The engine records an event for every status change, log line and signal, whether anyone
 * follows the flow or not, so an event built by the engine keeps the values it was made of and
 * assembles its {@code data} object when it is first read (a follower, a resume, a shared event
 * log); the values are immutable, so the object is the same whenever that happens.
 */
public final class LiveEvent {

    /** Puts an event's own fields, in their order, into its data object. */
    @FunctionalInterface
    public interface Fields {
        void putInto(Map<String, @Nullable Object> data);
    }

    private final FlowId flowId;
    private final LiveEventType type;
    private final Instant at;
    private final @Nullable Fields fields;
    private volatile @Nullable Map<String, @Nullable Object> data;

    /** An event with this data object, as read back from an event log. */
    public LiveEvent(FlowId flowId, LiveEventType type, Map<String, @Nullable Object> data, Instant at) {
        this.flowId = Objects.requireNonNull(flowId, "flowId");
        this.type = Objects.requireNonNull(type, "type");
        this.at = Objects.requireNonNull(at, "at");
        this.fields = null;
        this.data = data instanceof FrozenData ? data : new FrozenData<>(new LinkedHashMap<>(data));
    }

    private LiveEvent(FlowId flowId, LiveEventType type, Instant at, Fields fields) {
        this.flowId = Objects.requireNonNull(flowId, "flowId");
        this.type = Objects.requireNonNull(type, "type");
        this.at = Objects.requireNonNull(at, "at");
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    /** An event of this type, {@code flow_id} and {@code at} first, then {@code fields} in their order. */
    public static LiveEvent of(FlowId flowId, LiveEventType type, Instant at, Map<String, @Nullable Object> fields) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(fields);
        return new LiveEvent(flowId, type, at, data -> data.putAll(copy));
    }

    /**
     * An event whose data object is assembled when first read: {@code flow_id}, then what
     * {@code fields} puts (from values it captured, which must not change), then {@code at}.
     */
    public static LiveEvent deferred(FlowId flowId, LiveEventType type, Instant at, Fields fields) {
        return new LiveEvent(flowId, type, at, fields);
    }

    public static LiveEvent log(LogEntry entry) {
        return deferred(entry.flowId(), LiveEventType.LOG, entry.createdAt(), data -> {
            data.put("cycle", entry.cycle());
            data.put("node_id", entry.nodeId() == null ? null : entry.nodeId().value());
            data.put("level", entry.level().name());
            data.put("source", entry.source().name());
            data.put("message", entry.message());
            data.put("metadata", entry.metadata());
        });
    }

    public static LiveEvent signal(SignalRecord record) {
        return deferred(record.flowId(), LiveEventType.SIGNAL, record.createdAt(), data -> {
            data.put("cycle", record.cycle());
            data.put("component_id", record.componentId());
            data.put("source_node", record.sourceNode());
            data.put("source_handle", record.sourceHandle());
            data.put("target_node", record.targetNode());
            data.put("target_handle", record.targetHandle());
            data.put("signal_type", record.signalType());
            data.put("payload", record.payload());
        });
    }

    public FlowId flowId() {
        return flowId;
    }

    public LiveEventType type() {
        return type;
    }

    public Instant at() {
        return at;
    }

    /** The event's data object (unmodifiable), assembled on the first call. */
    public Map<String, @Nullable Object> data() {
        Map<String, @Nullable Object> assembled = data;
        if (assembled == null) {
            LinkedHashMap<String, @Nullable Object> built = new LinkedHashMap<>();
            built.put("flow_id", flowId.value());
            Objects.requireNonNull(fields).putInto(built);
            built.put("at", at.toString());
            assembled = new FrozenData<>(built);
            data = assembled;
        }
        return assembled;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LiveEvent event && flowId.equals(event.flowId) && type == event.type
                && at.equals(event.at) && data().equals(event.data());
    }

    @Override
    public int hashCode() {
        return Objects.hash(flowId, type, at, data());
    }

    @Override
    public String toString() {
        return "LiveEvent[flowId=" + flowId + ", type=" + type + ", data=" + data() + ", at=" + at + "]";
    }

    /**
     * An event's data: an unmodifiable view of a map nobody else holds, so the constructor
     * need not copy what {@link #data()} has just built.
     */
    private static final class FrozenData<K, V> extends AbstractMap<K, V> {

        private final Map<K, V> view;

        FrozenData(LinkedHashMap<K, V> owned) {
            this.view = Collections.unmodifiableMap(owned);
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return view.entrySet();
        }

        @Override
        public int size() {
            return view.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public V get(Object key) {
            return view.get(key);
        }

        @Override
        public Set<K> keySet() {
            return view.keySet();
        }

        @Override
        public Collection<V> values() {
            return view.values();
        }

        @Override
        public void forEach(BiConsumer<? super K, ? super V> action) {
            view.forEach(action);
        }
    }
}
