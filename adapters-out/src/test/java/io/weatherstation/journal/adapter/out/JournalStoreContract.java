package io.weatherstation.journal.adapter.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.journal.application.port.out.JournalStore;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.LogQuery.OrderBy;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JournalStore} does, run against each adapter (in memory, PostgreSQL) so that
 * the embedded and the distributed mode answer the same queries the same way. Timestamps are whole
 * microseconds, the precision PostgreSQL keeps.
 */
public abstract class JournalStoreContract {

    protected static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    protected static final FlowId ALPHA = FlowId.of("alpha");
    protected static final FlowId BETA = FlowId.of("beta");

    /** A store holding nothing (created, or emptied, before each test). */
    protected abstract JournalStore emptyStore();

    private JournalStore store;

    @BeforeEach
    void startEmpty() {
        store = emptyStore();
    }

    // -- fixtures -------------------------------------------------------------------------------

    protected static LogEntry line(FlowId flow, long cycle, @Nullable String node, LogLevel level, LogSource source,
            String message, int second) {
        return line(flow, cycle, node, level, source, message, second, Map.of());
    }

    protected static LogEntry line(FlowId flow, long cycle, @Nullable String node, LogLevel level, LogSource source,
            String message, int second, Map<String, Object> metadata) {
        return new LogEntry(flow, cycle, node == null ? null : NodeId.of(node), level, source, message, metadata,
                T0.plusSeconds(second).plusNanos(123_000));
    }

    protected static LogEntry nodeLine(FlowId flow, long cycle, String node, String message, int second) {
        return line(flow, cycle, node, LogLevel.INFO, LogSource.NODE, message, second);
    }

    protected static SignalRecord signal(FlowId flow, long cycle, String from, String to, String toHandle,
            Map<String, Object> payload, int second) {
        return new SignalRecord(flow, cycle, 0, from, "out", to, toHandle, "DATA_READY", payload,
                T0.plusSeconds(second).plusNanos(456_000));
    }

    private void append(LogEntry... lines) {
        store.append(List.of(lines), List.of());
    }

    private List<String> messages(LogQuery query) {
        return store.logs(query).items().stream().map(LogEntry::message).toList();
    }

    private static LogQuery all(FlowId flow) {
        return query(flow, null, null, null, null, OrderBy.CREATED_AT, false);
    }

    private static LogQuery query(FlowId flow, @Nullable Long cycle, @Nullable String node, @Nullable LogLevel level,
            @Nullable LogSource source, OrderBy orderBy, boolean descending) {
        return new LogQuery(flow, cycle, node, level, source, LogQuery.MAX_LIMIT, 0, orderBy, descending);
    }

    // -- logs -----------------------------------------------------------------------------------

    @Test
    public void reads_back_a_cycles_lines_in_time_order_with_every_field() {
        LogEntry late = line(ALPHA, 1, "price", LogLevel.WARNING, LogSource.NODE, "slow answer", 5,
                Map.of("latency_ms", 1234, "ratio", 0.75, "ok", false, "symbol", "ETH",
                        "nested", Map.of("levels", List.of(1, 2, 3), "note", "x")));
        LogEntry early = line(ALPHA, 1, null, LogLevel.INFO, LogSource.SCHEDULER, "cycle 1 started", 1);
        LogEntry otherCycle = nodeLine(ALPHA, 2, "price", "cycle 2 line", 9);
        store.append(List.of(late, otherCycle, early), List.of());

        Page<LogEntry> page = store.logs(LogQuery.forCycle(ALPHA, 1, 50, 0));

        assertThat(page.items()).containsExactly(early, late);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    public void filters_by_node_level_and_source_alone_and_together() {
        append(
                line(ALPHA, 1, "price", LogLevel.INFO, LogSource.NODE, "price info", 1),
                line(ALPHA, 1, "price", LogLevel.ERROR, LogSource.NODE, "price error", 2),
                line(ALPHA, 1, "buy", LogLevel.ERROR, LogSource.NODE, "buy error", 3),
                line(ALPHA, 1, "buy", LogLevel.INFO, LogSource.USER, "buy user", 4),
                line(ALPHA, 2, "price", LogLevel.ERROR, LogSource.NODE, "price error 2", 5));

        assertThat(messages(query(ALPHA, 1L, "price", null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("price info", "price error");
        assertThat(messages(query(ALPHA, null, "price", null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("price info", "price error", "price error 2");
        assertThat(messages(query(ALPHA, 1L, null, LogLevel.ERROR, null, OrderBy.CREATED_AT, false)))
                .containsExactly("price error", "buy error");
        assertThat(messages(query(ALPHA, null, null, null, LogSource.USER, OrderBy.CREATED_AT, false)))
                .containsExactly("buy user");
        assertThat(messages(query(ALPHA, 1L, "buy", LogLevel.ERROR, LogSource.NODE, OrderBy.CREATED_AT, false)))
                .containsExactly("buy error");
        assertThat(messages(query(ALPHA, 1L, "nobody", null, null, OrderBy.CREATED_AT, false))).isEmpty();
    }

    @Test
    public void node_system_selects_the_lines_without_a_node() {
        append(
                line(ALPHA, 1, null, LogLevel.INFO, LogSource.SCHEDULER, "scheduled", 1),
                nodeLine(ALPHA, 1, "price", "fetched", 2),
                line(ALPHA, 1, null, LogLevel.INFO, LogSource.SYSTEM, "completed", 3),
                line(ALPHA, -1, null, LogLevel.INFO, LogSource.USER, "flow started", 0));

        assertThat(messages(query(ALPHA, 1L, LogQuery.SYSTEM_NODE, null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("scheduled", "completed");
        assertThat(messages(query(ALPHA, null, LogQuery.SYSTEM_NODE, null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("flow started", "scheduled", "completed");
    }

    @Test
    public void orders_by_each_key_and_descending_is_the_exact_reverse() {
        append(
                line(ALPHA, 2, "buy", LogLevel.ERROR, LogSource.NODE, "a", 1),
                line(ALPHA, 1, null, LogLevel.INFO, LogSource.SCHEDULER, "b", 2),
                line(ALPHA, 1, "price", LogLevel.DEBUG, LogSource.NODE, "c", 3),
                line(ALPHA, 3, "ask", LogLevel.WARNING, LogSource.NODE, "d", 4),
                line(ALPHA, 2, "price", LogLevel.INFO, LogSource.NODE, "e", 5),
                line(ALPHA, 1, "buy", LogLevel.ERROR, LogSource.NODE, "f", 6));

        assertThat(messages(query(ALPHA, null, null, null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("a", "b", "c", "d", "e", "f");
        // Severity, not the alphabet: DEBUG < INFO < WARNING < ERROR; ties in time order.
        assertThat(messages(query(ALPHA, null, null, null, null, OrderBy.LOG_LEVEL, false)))
                .containsExactly("c", "b", "e", "d", "a", "f");
        assertThat(messages(query(ALPHA, null, null, null, null, OrderBy.CYCLE, false)))
                .containsExactly("b", "c", "f", "a", "e", "d");
        // No node sorts first, then node ids in code-point order.
        assertThat(messages(query(ALPHA, null, null, null, null, OrderBy.NODE_ID, false)))
                .containsExactly("b", "d", "a", "f", "c", "e");
        // Sources by their code ("node" < "scheduler"), ties in time order.
        assertThat(messages(query(ALPHA, null, null, null, null, OrderBy.LOG_SOURCE, false)))
                .containsExactly("a", "c", "d", "e", "f", "b");

        for (OrderBy orderBy : OrderBy.values()) {
            List<String> ascending = new ArrayList<>(messages(query(ALPHA, null, null, null, null, orderBy, false)));
            Collections.reverse(ascending);
            assertThat(messages(query(ALPHA, null, null, null, null, orderBy, true)))
                    .as("descending by %s", orderBy)
                    .isEqualTo(ascending);
        }
    }

    @Test
    public void lines_written_at_the_same_instant_keep_their_insertion_order() {
        Instant same = T0.plusSeconds(7);
        List<LogEntry> burst = IntStream.range(0, 5)
                .mapToObj(i -> new LogEntry(ALPHA, 1, NodeId.of("price"), LogLevel.INFO, LogSource.NODE, "m" + i,
                        Map.of(), same))
                .toList();
        store.append(burst, List.of());

        assertThat(messages(query(ALPHA, 1L, null, null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(messages(query(ALPHA, 1L, null, null, null, OrderBy.CREATED_AT, true)))
                .containsExactly("m4", "m3", "m2", "m1", "m0");
    }

    @Test
    public void pages_carry_the_total_and_whether_more_follow() {
        store.append(IntStream.range(0, 25).mapToObj(i -> nodeLine(ALPHA, 1, "price", "line " + i, i)).toList(),
                List.of());

        Page<LogEntry> first = store.logs(LogQuery.forCycle(ALPHA, 1, 10, 0));
        Page<LogEntry> last = store.logs(LogQuery.forCycle(ALPHA, 1, 10, 20));
        Page<LogEntry> beyond = store.logs(LogQuery.forCycle(ALPHA, 1, 10, 30));

        assertThat(first.items()).extracting(LogEntry::message).first().isEqualTo("line 0");
        assertThat(first.items()).hasSize(10);
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.hasMore()).isTrue();
        assertThat(last.items()).extracting(LogEntry::message).containsExactly("line 20", "line 21", "line 22",
                "line 23", "line 24");
        assertThat(last.hasMore()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(25);
        assertThat(beyond.limit()).isEqualTo(10);
        assertThat(beyond.offset()).isEqualTo(30);
    }

    @Test
    public void lines_outside_any_cycle_are_found_as_cycle_minus_one_and_in_the_flow_wide_list() {
        append(
                line(ALPHA, -1, null, LogLevel.INFO, LogSource.USER, "flow registered", 0),
                nodeLine(ALPHA, 1, "price", "in cycle 1", 1),
                line(ALPHA, -1, "price", LogLevel.INFO, LogSource.NODE, "partial run", 2));

        assertThat(messages(query(ALPHA, -1L, null, null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("flow registered", "partial run");
        assertThat(messages(query(ALPHA, 1L, null, null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("in cycle 1");
        assertThat(messages(all(ALPHA))).containsExactly("flow registered", "in cycle 1", "partial run");
    }

    @Test
    public void flows_never_see_each_others_lines_even_with_the_same_node_ids() {
        append(nodeLine(ALPHA, 1, "price", "alpha price", 1), nodeLine(BETA, 1, "price", "beta price", 2));

        assertThat(messages(query(ALPHA, 1L, "price", null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("alpha price");
        assertThat(messages(query(BETA, 1L, "price", null, null, OrderBy.CREATED_AT, false)))
                .containsExactly("beta price");
        assertThat(store.logs(all(FlowId.of("unknown"))).total()).isZero();
    }

    // -- signals --------------------------------------------------------------------------------

    @Test
    public void reads_back_a_cycles_signals_in_send_order_paged() {
        SignalRecord wildcard = new SignalRecord(ALPHA, 1, 2, "price", "data", "ai", "*", "PRICE_DATA",
                Map.of("symbol", "ETH", "close", 3012.5, "candles", List.of(Map.of("o", 1, "c", 2))), T0.plusSeconds(1));
        SignalRecord second = signal(ALPHA, 1, "ai", "buy", "signal", Map.of("response", "buy"), 2);
        SignalRecord third = signal(ALPHA, 1, "buy", "notify", "in", Map.of(), 3);
        SignalRecord otherCycle = signal(ALPHA, 2, "price", "ai", "prices", Map.of(), 4);
        store.append(List.of(), List.of(third, otherCycle, wildcard, second));

        Page<SignalRecord> first = store.signals(ALPHA, 1, 2, 0);
        Page<SignalRecord> rest = store.signals(ALPHA, 1, 2, 2);

        assertThat(first.items()).containsExactly(wildcard, second);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.hasMore()).isTrue();
        assertThat(rest.items()).containsExactly(third);
        assertThat(rest.hasMore()).isFalse();
        assertThat(store.signals(ALPHA, 7, 10, 0).items()).isEmpty();
        assertThat(store.signals(BETA, 1, 10, 0).total()).isZero();
    }

    // -- removal --------------------------------------------------------------------------------

    @Test
    public void deleting_a_flow_removes_its_lines_and_signals_and_nothing_else() {
        store.append(
                List.of(nodeLine(ALPHA, 1, "price", "alpha", 1), line(ALPHA, -1, null, LogLevel.INFO, LogSource.USER, "a-1", 0),
                        nodeLine(BETA, 1, "price", "beta", 2)),
                List.of(signal(ALPHA, 1, "price", "ai", "in", Map.of(), 1), signal(BETA, 1, "price", "ai", "in", Map.of(), 2)));

        store.deleteFlow(ALPHA);

        assertThat(store.logs(all(ALPHA)).total()).isZero();
        assertThat(store.signals(ALPHA, 1, 10, 0).total()).isZero();
        assertThat(messages(all(BETA))).containsExactly("beta");
        assertThat(store.signals(BETA, 1, 10, 0).total()).isEqualTo(1);
    }

    @Test
    public void retention_keeps_exactly_the_last_n_cycles_of_every_flow() {
        List<LogEntry> lines = new ArrayList<>();
        List<SignalRecord> signals = new ArrayList<>();
        LongStream.rangeClosed(1, 5).forEach(cycle -> {
            int second = (int) cycle * 10;
            lines.add(nodeLine(ALPHA, cycle, "price", "alpha " + cycle + " a", second));
            lines.add(nodeLine(ALPHA, cycle, "buy", "alpha " + cycle + " b", second + 1));
            signals.add(signal(ALPHA, cycle, "price", "buy", "in", Map.of("cycle", (int) cycle), second + 2));
        });
        lines.add(nodeLine(BETA, 1, "price", "beta 1", 1));
        lines.add(nodeLine(BETA, 2, "price", "beta 2", 2));
        signals.add(signal(BETA, 2, "price", "buy", "in", Map.of(), 3));
        lines.add(line(ALPHA, -1, null, LogLevel.INFO, LogSource.USER, "alpha registered", 0));
        store.append(lines, signals);

        long removed = store.applyRetention(3);

        assertThat(removed).as("2 lines and 1 signal in each of alpha's cycles 1 and 2").isEqualTo(6);
        assertThat(store.logs(query(ALPHA, null, null, null, null, OrderBy.CYCLE, false)).items())
                .extracting(LogEntry::cycle)
                .containsExactly(-1L, 3L, 3L, 4L, 4L, 5L, 5L);
        assertThat(store.signals(ALPHA, 2, 10, 0).total()).isZero();
        assertThat(store.signals(ALPHA, 3, 10, 0).total()).isEqualTo(1);
        assertThat(messages(all(BETA))).containsExactly("beta 1", "beta 2");
        assertThat(store.signals(BETA, 2, 10, 0).total()).isEqualTo(1);
        assertThat(store.applyRetention(3)).as("a second pass has nothing left to do").isZero();
    }

    @Test
    public void retention_counts_cycles_that_have_entries_not_cycle_numbers() {
        store.append(
                List.of(nodeLine(ALPHA, 1, "price", "one", 1), nodeLine(ALPHA, 5, "price", "five", 2)),
                List.of(signal(ALPHA, 9, "price", "ai", "in", Map.of(), 3)));

        store.applyRetention(2);

        assertThat(messages(all(ALPHA))).containsExactly("five");
        assertThat(store.signals(ALPHA, 9, 10, 0).total()).isEqualTo(1);
    }
}
