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
 */
public record LiveEvent(FlowId flowId, LiveEventType type, Map<String, @Nullable Object> data, Instant at) {

    public LiveEvent {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        data = data instanceof FrozenData ? data : new FrozenData<>(new LinkedHashMap<>(data));
    }

    /** An event of this type, {@code flow_id} and {@code at} first, then {@code fields} in their order. */
    public static LiveEvent of(FlowId flowId, LiveEventType type, Instant at, Map<String, @Nullable Object> fields) {
        LinkedHashMap<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("flow_id", flowId.value());
        data.putAll(fields);
        data.put("at", at.toString());
        return new LiveEvent(flowId, type, new FrozenData<>(data), at);
    }

    public static LiveEvent log(LogEntry entry) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("cycle", entry.cycle());
        fields.put("node_id", entry.nodeId() == null ? null : entry.nodeId().value());
        fields.put("level", entry.level().name());
        fields.put("source", entry.source().name());
        fields.put("message", entry.message());
        fields.put("metadata", entry.metadata());
        return of(entry.flowId(), LiveEventType.LOG, entry.createdAt(), fields);
    }

    public static LiveEvent signal(SignalRecord record) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("cycle", record.cycle());
        fields.put("component_id", record.componentId());
        fields.put("source_node", record.sourceNode());
        fields.put("source_handle", record.sourceHandle());
        fields.put("target_node", record.targetNode());
        fields.put("target_handle", record.targetHandle());
        fields.put("signal_type", record.signalType());
        fields.put("payload", record.payload());
        return of(record.flowId(), LiveEventType.SIGNAL, record.createdAt(), fields);
    }

    /**
     * An event's data: an unmodifiable view of a map nobody else holds, so the constructor
     * need not copy what {@link #of} has just built.
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
