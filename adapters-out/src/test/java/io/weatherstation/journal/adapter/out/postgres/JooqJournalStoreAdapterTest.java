package io.weatherstation.journal.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL journal stores, column by column, and how it protects its batches. */
class JooqJournalStoreAdapterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00.123456Z");
    private static final FlowId FLOW = FlowId.of("flow-1");

    private static JournalTestSchema schema;
    private DSLContext sql;
    private JooqJournalStoreAdapter store;

    @BeforeAll
    static void migrate() {
        schema = JournalTestSchema.create();
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @BeforeEach
    void empty() {
        schema.truncate();
        sql = schema.dsl();
        store = new JooqJournalStoreAdapter(sql, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
    }

    @Test
    void stores_every_column_of_a_log_line() {
        store.append(List.of(
                new LogEntry(FLOW, 3, NodeId.of("price"), LogLevel.WARNING, LogSource.NODE, "slow",
                        Map.of("latency_ms", 1234, "tags", List.of("a", "b")), NOW),
                new LogEntry(FLOW, -1, null, LogLevel.INFO, LogSource.SCHEDULER, "registered", Map.of(), NOW.plusMillis(1))),
                List.of());

        List<Record> rows = sql.resultQuery("""
                select flow_id, cycle, node_id, log_level, log_source, message, log_metadata ->> 'latency_ms' as latency,
                       jsonb_typeof(log_metadata) as metadata_type, log_metadata -> 'tags' ->> 1 as second_tag,
                       created_at
                from flow_execution_log order by id""").fetch();

        assertThat(rows).hasSize(2);
        Record node = rows.get(0);
        assertThat(node.get("flow_id")).isEqualTo("flow-1");
        assertThat(node.get("cycle", Long.class)).isEqualTo(3L);
        assertThat(node.get("node_id")).isEqualTo("price");
        assertThat(node.get("log_level")).isEqualTo("WARNING");
        assertThat(node.get("log_source")).isEqualTo("node");
        assertThat(node.get("message")).isEqualTo("slow");
        assertThat(node.get("latency")).isEqualTo("1234");
        assertThat(node.get("metadata_type")).isEqualTo("object");
        assertThat(node.get("second_tag")).isEqualTo("b");
        assertThat(node.get("created_at", java.time.OffsetDateTime.class).toInstant()).isEqualTo(NOW);
        Record system = rows.get(1);
        assertThat(system.get("cycle", Long.class)).isEqualTo(-1L);
        assertThat(system.get("node_id")).isNull();
        assertThat(system.get("log_source")).isEqualTo("scheduler");
        assertThat(system.get("metadata_type")).as("no metadata is stored as NULL").isNull();
    }

    @Test
    void stores_every_column_of_a_signal() {
        store.append(List.of(), List.of(new SignalRecord(FLOW, 4, 2, "price", "data", "ai", "*", "PRICE_DATA",
                Map.of("symbol", "ETH", "close", 3012.5, "ok", true), NOW)));

        Record row = sql.resultQuery("""
                select flow_id, cycle, component_id, source_node, source_handle, target_node, target_handle,
                       signal_type, payload ->> 'symbol' as symbol, (payload ->> 'close')::numeric as close,
                       jsonb_typeof(payload -> 'ok') as ok_type, created_at
                from flow_execution_signal""").fetchSingle();

        assertThat(row.get("flow_id")).isEqualTo("flow-1");
        assertThat(row.get("cycle", Long.class)).isEqualTo(4L);
        assertThat(row.get("component_id", Integer.class)).isEqualTo(2);
        assertThat(row.get("source_node")).isEqualTo("price");
        assertThat(row.get("source_handle")).isEqualTo("data");
        assertThat(row.get("target_node")).isEqualTo("ai");
        assertThat(row.get("target_handle")).isEqualTo("*");
        assertThat(row.get("signal_type")).isEqualTo("PRICE_DATA");
        assertThat(row.get("symbol")).isEqualTo("ETH");
        assertThat(row.get("close", java.math.BigDecimal.class)).isEqualByComparingTo("3012.5");
        assertThat(row.get("ok_type")).isEqualTo("boolean");
        assertThat(row.get("created_at", java.time.OffsetDateTime.class).toInstant()).isEqualTo(NOW);
    }

    @Test
    void writes_a_batch_larger_than_one_insert_statement_in_full() {
        int lines = JooqJournalStoreAdapter.ROWS_PER_INSERT * 2 + 500;
        store.append(
                IntStream.range(0, lines).mapToObj(i -> new LogEntry(FLOW, 1, NodeId.of("n"), LogLevel.DEBUG,
                        LogSource.NODE, "line " + i, Map.of("i", i), NOW.plusNanos(i * 1_000L))).toList(),
                IntStream.range(0, 1_200).mapToObj(i -> new SignalRecord(FLOW, 1, 0, "a", "out", "b", "in", "TEXT",
                        Map.of("i", i), NOW)).toList());

        assertThat(store.logs(LogQuery.forCycle(FLOW, 1, 1, 0)).total()).isEqualTo(lines);
        assertThat(store.signals(FLOW, 1, 1, 0).total()).isEqualTo(1_200);
        assertThat(((Number) sql.fetchValue("select count(distinct message) from flow_execution_log")).intValue())
                .isEqualTo(lines);
    }

    @Test
    void neutralises_what_postgresql_would_reject_so_a_batch_cannot_block_forever() {
        String longType = "T".repeat(300);
        store.append(
                List.of(new LogEntry(FLOW, 1, null, LogLevel.ERROR, LogSource.NODE, "bad\u0000byte",
                        Map.of("raw", "a\u0000b", "escaped", "\\u0000 stays", "broken", new Unserialisable()), NOW)),
                List.of(new SignalRecord(FLOW, 1, 0, "a", "out", "b", "in", longType, Map.of("text", "x\u0000"), NOW)));

        LogEntry line = store.logs(LogQuery.forCycle(FLOW, 1, 10, 0)).items().getFirst();
        assertThat(line.message()).isEqualTo("bad\uFFFDbyte");
        assertThat(line.metadata()).containsEntry("raw", "a\uFFFDb")
                .containsEntry("escaped", "\\u0000 stays")
                .containsKey("broken");
        SignalRecord signal = store.signals(FLOW, 1, 10, 0).items().getFirst();
        assertThat(signal.signalType()).hasSize(JooqJournalStoreAdapter.TEXT_COLUMN_WIDTH);
        assertThat(signal.payload()).containsEntry("text", "x\uFFFD");
    }

    @Test
    void json_nul_escapes_are_replaced_and_escaped_backslashes_left_alone() {
        assertThat(JooqJournalStoreAdapter.jsonWithoutNul("{\"a\":\"x\\u0000y\"}")).isEqualTo("{\"a\":\"x\\ufffdy\"}");
        assertThat(JooqJournalStoreAdapter.jsonWithoutNul("{\"a\":\"\\\\u0000\"}")).isEqualTo("{\"a\":\"\\\\u0000\"}");
        assertThat(JooqJournalStoreAdapter.jsonWithoutNul("{\"a\":\"\\\\\\u0000\"}")).isEqualTo("{\"a\":\"\\\\\\ufffd\"}");
        assertThat(JooqJournalStoreAdapter.jsonWithoutNul("{\"a\":1}")).isEqualTo("{\"a\":1}");
    }

    @Test
    void retention_keeps_lines_outside_any_cycle_for_the_configured_time_only() {
        store.append(List.of(
                new LogEntry(FLOW, -1, null, LogLevel.INFO, LogSource.USER, "old", Map.of(), NOW.minus(Duration.ofDays(31))),
                new LogEntry(FLOW, -1, null, LogLevel.INFO, LogSource.USER, "recent", Map.of(), NOW.minus(Duration.ofDays(29)))),
                List.of(new SignalRecord(FLOW, -1, 0, "a", "out", "b", "in", "TEXT", Map.of(), NOW.minus(Duration.ofDays(40)))));

        long removed = store.applyRetention(100);

        assertThat(removed).isEqualTo(2);
        assertThat(store.logs(LogQuery.forCycle(FLOW, -1, 10, 0)).items()).extracting(LogEntry::message)
                .containsExactly("recent");
        assertThat(store.signals(FLOW, -1, 10, 0).total()).isZero();
    }

    @Test
    void refuses_a_retention_that_keeps_nothing() {
        assertThatThrownBy(() -> store.applyRetention(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_empty_batch_touches_nothing() {
        store.append(List.of(), List.of());

        assertThat(sql.fetchCount(sql.selectFrom("flow_execution_log"))).isZero();
    }

    /** A value Jackson cannot write: its only property throws. */
    static final class Unserialisable {
        public String getValue() {
            throw new IllegalStateException("not today");
        }

        @Override
        public String toString() {
            return "unserialisable";
        }
    }
}
