package io.weatherstation.journal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LiveEventTest {

    private static final FlowId FLOW = FlowId.of("btc");
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123Z");

    @Test
    void aDeferredEventAssemblesItsDataOnceWithFlowIdFirstAndAtLast() {
        AtomicInteger assembled = new AtomicInteger();
        LiveEvent event = LiveEvent.deferred(FLOW, LiveEventType.NODE_STATUS, AT, data -> {
            assembled.incrementAndGet();
            data.put("cycle", 4L);
            data.put("status", "running");
        });

        assertThat(assembled).hasValue(0);
        assertThat(List.copyOf(event.data().keySet())).containsExactly("flow_id", "cycle", "status", "at");
        assertThat(event.data()).containsEntry("flow_id", "btc").containsEntry("at", "2026-03-01T10:00:00.123Z");
        assertThat(event.data()).isSameAs(event.data());
        assertThat(assembled).hasValue(1);
    }

    @Test
    void theDataObjectCannotBeChanged() {
        LiveEvent event = LiveEvent.deferred(FLOW, LiveEventType.LOG, AT, data -> data.put("message", "hi"));

        assertThatThrownBy(() -> event.data().put("message", "changed")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(event.data()).containsEntry("message", "hi");
    }

    @Test
    void anEventBuiltFromFieldsKeepsThemAsTheyWereWhenRecorded() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("cycle", 1L);
        LiveEvent event = LiveEvent.of(FLOW, LiveEventType.CYCLE_STARTED, AT, fields);
        fields.put("cycle", 2L);
        fields.put("extra", "later");

        assertThat(event.data()).containsEntry("cycle", 1L).doesNotContainKey("extra");
    }

    @Test
    void anEventReadBackEqualsTheEventRecorded() {
        LogEntry entry = new LogEntry(FLOW, 3, NodeId.of("fetch"), LogLevel.INFO, LogSource.NODE, "completed in 2 ms",
                Map.of(), AT);
        LiveEvent recorded = LiveEvent.log(entry);
        LiveEvent readBack = new LiveEvent(FLOW, LiveEventType.LOG, new LinkedHashMap<>(recorded.data()), AT);

        assertThat(readBack).isEqualTo(recorded).hasSameHashCodeAs(recorded);
        assertThat(List.copyOf(recorded.data().keySet()))
                .containsExactly("flow_id", "cycle", "node_id", "level", "source", "message", "metadata", "at");
    }
}
