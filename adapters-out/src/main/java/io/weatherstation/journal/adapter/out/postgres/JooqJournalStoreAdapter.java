package io.weatherstation.journal.adapter.out.postgres;

import static io.weatherstation.journal.adapter.out.postgres.generated.Tables.FLOW_EXECUTION_LOG;
import static io.weatherstation.journal.adapter.out.postgres.generated.Tables.FLOW_EXECUTION_SIGNAL;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;

import io.weatherstation.journal.adapter.out.postgres.generated.tables.FlowExecutionLog;
import io.weatherstation.journal.adapter.out.postgres.generated.tables.FlowExecutionSignal;
import io.weatherstation.journal.adapter.out.postgres.generated.tables.records.FlowExecutionLogRecord;
import io.weatherstation.journal.adapter.out.postgres.generated.tables.records.FlowExecutionSignalRecord;
import io.weatherstation.journal.application.port.out.JournalStore;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep8;
import org.jooq.InsertValuesStep10;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.Record2;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.impl.DefaultTransactionProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal in PostgreSQL (SPEC §9, ADR 0008). Same query semantics as the in-memory journal:
 * node {@code "system"} selects lines without a node, every order ends on time then insertion, and
 * a descending order is the exact reverse of the ascending one.
 *
 * <p>{@link #append} writes the whole batch in one transaction with multi-row inserts, so a batch
 * is written entirely or not at all and {@code JournalService} can retry it after an outage. An
 * entry that PostgreSQL could never accept would block that retry forever, so the few things it
 * rejects are neutralised on the way in: NUL characters (in text and in JSON strings) become
 * U+FFFD, over-long signal fields are cut to the column width, and metadata Jackson cannot write
 * is stored as its text.
 *
 * <p>Retention keeps the last N cycles (by number, among those with entries) of every flow, as the
 * in-memory journal does; lines outside any cycle (cycle -1) have no cycle to age with and are
 * kept for {@code station.journal.outside-cycle-retention} (30 days by default) instead.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
final class JooqJournalStoreAdapter implements JournalStore {

    /** Rows per INSERT: PostgreSQL takes at most 65,535 bind values in one statement. */
    static final int ROWS_PER_INSERT = 1_000;
    /** Width of the signal's text columns (ids are 1-128 characters by construction). */
    static final int TEXT_COLUMN_WIDTH = 128;

    private static final FlowExecutionLog LOG = FLOW_EXECUTION_LOG;
    private static final FlowExecutionSignal SIGNAL = FLOW_EXECUTION_SIGNAL;
    private static final long OUTSIDE_CYCLE = -1L;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };
    /** A NUL escape in JSON text: a backslash that is not itself escaped, then "u0000". */
    private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private final DSLContext sql;
    private final Clock clock;
    private final Duration outsideCycleRetention;
    private final JsonMapper json = JsonMapper.builder().build();

    JooqJournalStoreAdapter(DSLContext sql, Clock clock,
            @Value("${station.journal.outside-cycle-retention:30d}") Duration outsideCycleRetention) {
        if (outsideCycleRetention.isNegative() || outsideCycleRetention.isZero()) {
            throw new IllegalArgumentException("outside-cycle retention must be positive (was " + outsideCycleRetention + ")");
        }
        this.sql = sql;
        this.clock = clock;
        this.outsideCycleRetention = outsideCycleRetention;
    }

    // -- writing --------------------------------------------------------------------------------

    @Override
    public void append(List<LogEntry> logs, List<SignalRecord> signals) {
        if (logs.isEmpty() && signals.isEmpty()) {
            return;
        }
        inOneTransaction(tx -> {
            for (int from = 0; from < logs.size(); from += ROWS_PER_INSERT) {
                insertLogs(tx, logs.subList(from, Math.min(logs.size(), from + ROWS_PER_INSERT)));
            }
            for (int from = 0; from < signals.size(); from += ROWS_PER_INSERT) {
                insertSignals(tx, signals.subList(from, Math.min(signals.size(), from + ROWS_PER_INSERT)));
            }
        });
    }

    /**
     * Runs {@code work} in a transaction on one connection, acquired once. jOOQ's own
     * {@code transaction()} asks the pool again to roll back after a failed begin, which triples
     * the wait for a connection while the database is down.
     */
    private void inOneTransaction(Consumer<DSLContext> work) {
        sql.connection(connection -> {
            DefaultConnectionProvider single = new DefaultConnectionProvider(connection);
            DSLContext onConnection = sql.configuration()
                    .derive(single)
                    .derive(new DefaultTransactionProvider(single))
                    .dsl();
            onConnection.transaction(transaction -> work.accept(transaction.dsl()));
        });
    }

    private void insertLogs(DSLContext tx, List<LogEntry> chunk) {
        InsertValuesStep8<FlowExecutionLogRecord, String, Long, String, String, String, String, JSONB, Instant> insert =
                tx.insertInto(LOG, LOG.FLOW_ID, LOG.CYCLE, LOG.NODE_ID, LOG.LOG_LEVEL, LOG.LOG_SOURCE,
                        LOG.MESSAGE, LOG.LOG_METADATA, LOG.CREATED_AT);
        for (LogEntry entry : chunk) {
            insert = insert.values(
                    entry.flowId().value(),
                    entry.cycle(),
                    entry.nodeId() == null ? null : entry.nodeId().value(),
                    entry.level().name(),
                    entry.source().code(),
                    withoutNul(entry.message()),
                    entry.metadata().isEmpty() ? null : toJsonb(entry.metadata()),
                    entry.createdAt());
        }
        insert.execute();
    }

    private void insertSignals(DSLContext tx, List<SignalRecord> chunk) {
        InsertValuesStep10<FlowExecutionSignalRecord, String, Long, Integer, String, String, String, String, String, JSONB, Instant> insert =
                tx.insertInto(SIGNAL, SIGNAL.FLOW_ID, SIGNAL.CYCLE, SIGNAL.COMPONENT_ID, SIGNAL.SOURCE_NODE,
                        SIGNAL.SOURCE_HANDLE, SIGNAL.TARGET_NODE, SIGNAL.TARGET_HANDLE, SIGNAL.SIGNAL_TYPE,
                        SIGNAL.PAYLOAD, SIGNAL.CREATED_AT);
        for (SignalRecord record : chunk) {
            insert = insert.values(
                    record.flowId().value(),
                    record.cycle(),
                    record.componentId(),
                    column(record.sourceNode()),
                    column(record.sourceHandle()),
                    column(record.targetNode()),
                    column(record.targetHandle()),
                    column(record.signalType()),
                    toJsonb(record.payload()),
                    record.createdAt());
        }
        insert.execute();
    }

    // -- reading --------------------------------------------------------------------------------

    @Override
    public Page<LogEntry> logs(LogQuery query) {
        Condition where = LOG.FLOW_ID.eq(query.flowId().value());
        if (query.cycle() != null) {
            where = where.and(LOG.CYCLE.eq(query.cycle()));
        }
        if (query.nodeId() != null) {
            where = where.and(LogQuery.SYSTEM_NODE.equals(query.nodeId())
                    ? LOG.NODE_ID.isNull()
                    : LOG.NODE_ID.eq(query.nodeId()));
        }
        if (query.level() != null) {
            where = where.and(LOG.LOG_LEVEL.eq(query.level().name()));
        }
        if (query.source() != null) {
            where = where.and(LOG.LOG_SOURCE.eq(query.source().code()));
        }
        long total = sql.fetchCount(LOG, where);
        List<LogEntry> items = total <= query.offset()
                ? List.of()
                : sql.selectFrom(LOG)
                        .where(where)
                        .orderBy(order(query))
                        .limit(query.limit())
                        .offset(query.offset())
                        .fetch(this::toLogEntry);
        return new Page<>(items, total, query.limit(), query.offset());
    }

    /** The sort key, then time, then insertion order; descending reverses all three. */
    private static List<SortField<?>> order(LogQuery query) {
        SortOrder direction = query.descending() ? SortOrder.DESC : SortOrder.ASC;
        List<SortField<?>> order = new ArrayList<>(4);
        switch (query.orderBy()) {
            case CREATED_AT -> { }
            case LOG_LEVEL -> order.add(severity().sort(direction));
            case CYCLE -> order.add(LOG.CYCLE.sort(direction));
            // No node (a system line) sorts before every node id, as an empty id would.
            case NODE_ID -> order.add(query.descending() ? LOG.NODE_ID.desc().nullsLast() : LOG.NODE_ID.asc().nullsFirst());
            case LOG_SOURCE -> order.add(LOG.LOG_SOURCE.sort(direction));
        }
        order.add(LOG.CREATED_AT.sort(direction));
        order.add(LOG.ID.sort(direction));
        return order;
    }

    /** Levels sort by severity (DEBUG < INFO < WARNING < ERROR), not alphabetically. */
    private static Field<Integer> severity() {
        LogLevel[] levels = LogLevel.values();
        var choice = DSL.case_(LOG.LOG_LEVEL).when(levels[0].name(), inline(0));
        for (int rank = 1; rank < levels.length; rank++) {
            choice = choice.when(levels[rank].name(), inline(rank));
        }
        return choice.else_(inline(levels.length));
    }

    @Override
    public Page<SignalRecord> signals(FlowId flowId, long cycle, int limit, int offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must be >= 0 (were " + limit + ", " + offset + ")");
        }
        Condition where = SIGNAL.FLOW_ID.eq(flowId.value()).and(SIGNAL.CYCLE.eq(cycle));
        long total = sql.fetchCount(SIGNAL, where);
        List<SignalRecord> items = total <= offset || limit == 0
                ? List.of()
                : sql.selectFrom(SIGNAL)
                        .where(where)
                        .orderBy(SIGNAL.CREATED_AT, SIGNAL.ID)
                        .limit(limit)
                        .offset(offset)
                        .fetch(this::toSignalRecord);
        return new Page<>(items, total, limit, offset);
    }

    // -- removing -------------------------------------------------------------------------------

    @Override
    public void deleteFlow(FlowId flowId) {
        inOneTransaction(tx -> {
            tx.deleteFrom(LOG).where(LOG.FLOW_ID.eq(flowId.value())).execute();
            tx.deleteFrom(SIGNAL).where(SIGNAL.FLOW_ID.eq(flowId.value())).execute();
        });
    }

    @Override
    public long applyRetention(int cyclesToKeep) {
        if (cyclesToKeep < 1) {
            throw new IllegalArgumentException("retention must keep at least one cycle (was " + cyclesToKeep + ")");
        }
        List<Query> deletes = new ArrayList<>();
        // Per flow with more than N cycles: the newest cycle that falls out (rank N + 1).
        for (Record2<String, Long> cut : newestDroppedCycles(cyclesToKeep)) {
            String flow = cut.value1();
            long newestDropped = cut.value2();
            deletes.add(sql.deleteFrom(LOG).where(LOG.FLOW_ID.eq(flow), LOG.CYCLE.between(0L, newestDropped)));
            deletes.add(sql.deleteFrom(SIGNAL).where(SIGNAL.FLOW_ID.eq(flow), SIGNAL.CYCLE.between(0L, newestDropped)));
        }
        // -1 inlined, not bound: only a literal lets the planner use the partial "cycle = -1" indexes.
        Instant horizon = clock.instant().minus(outsideCycleRetention);
        deletes.add(sql.deleteFrom(LOG).where(LOG.CYCLE.eq(inline(OUTSIDE_CYCLE)), LOG.CREATED_AT.lt(horizon)));
        deletes.add(sql.deleteFrom(SIGNAL).where(SIGNAL.CYCLE.eq(inline(OUTSIDE_CYCLE)), SIGNAL.CREATED_AT.lt(horizon)));
        long removed = 0;
        for (int count : sql.batch(deletes).execute()) {
            removed += Math.max(count, 0);
        }
        return removed;
    }

    private List<Record2<String, Long>> newestDroppedCycles(int cyclesToKeep) {
        Table<?> cycles = select(LOG.FLOW_ID, LOG.CYCLE).from(LOG).where(LOG.CYCLE.ge(0L))
                .union(select(SIGNAL.FLOW_ID, SIGNAL.CYCLE).from(SIGNAL).where(SIGNAL.CYCLE.ge(0L)))
                .asTable("journal_cycle", "flow_id", "cycle");
        Field<String> flow = cycles.field("flow_id", String.class);
        Field<Long> cycle = cycles.field("cycle", Long.class);
        Field<Integer> rank = rowNumber().over().partitionBy(flow).orderBy(cycle.desc()).as("newness");
        Table<?> ranked = select(flow, cycle, rank).from(cycles).asTable("ranked_cycle");
        Field<String> rankedFlow = ranked.field(flow);
        Field<Long> rankedCycle = ranked.field(cycle);
        return sql.select(rankedFlow, rankedCycle)
                .from(ranked)
                .where(ranked.field(rank).eq(cyclesToKeep + 1))
                .fetch();
    }

    // -- mapping --------------------------------------------------------------------------------

    private LogEntry toLogEntry(FlowExecutionLogRecord row) {
        return new LogEntry(
                FlowId.of(row.getFlowId()),
                row.getCycle(),
                row.getNodeId() == null ? null : NodeId.of(row.getNodeId()),
                LogLevel.parse(row.getLogLevel()),
                LogSource.parse(row.getLogSource()),
                row.getMessage(),
                fromJsonb(row.getLogMetadata()),
                row.getCreatedAt());
    }

    private SignalRecord toSignalRecord(FlowExecutionSignalRecord row) {
        return new SignalRecord(
                FlowId.of(row.getFlowId()),
                row.getCycle(),
                row.getComponentId(),
                row.getSourceNode(),
                row.getSourceHandle(),
                row.getTargetNode(),
                row.getTargetHandle(),
                row.getSignalType(),
                fromJsonb(row.getPayload()),
                row.getCreatedAt());
    }

    private JSONB toJsonb(Map<String, Object> value) {
        String text;
        try {
            text = json.writeValueAsString(value);
        } catch (JacksonException unwritable) {
            // Kept as text rather than failing the batch forever (see the class comment).
            Map<String, String> asText = new LinkedHashMap<>();
            value.forEach((key, item) -> asText.put(key, String.valueOf(item)));
            text = json.writeValueAsString(asText);
        }
        return JSONB.valueOf(jsonWithoutNul(text));
    }

    private Map<String, Object> fromJsonb(@Nullable JSONB value) {
        if (value == null) {
            return Map.of();
        }
        Map<String, Object> read = json.readValue(value.data(), JSON_OBJECT);
        // Journal maps hold no null values (LogEntry copies them with Map.copyOf).
        read.values().removeIf(item -> item == null);
        return read;
    }

    /** PostgreSQL text cannot hold NUL. */
    static String withoutNul(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    /** jsonb rejects the NUL escape (backslash, "u0000"); an escaped backslash followed by "u0000" is left alone. */
    static String jsonWithoutNul(String jsonText) {
        if (!jsonText.contains("\\u0000")) {
            return jsonText;
        }
        return JSON_NUL.matcher(jsonText).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "\\ufffd"));
    }

    private static String column(String text) {
        String clean = withoutNul(text);
        return clean.length() <= TEXT_COLUMN_WIDTH ? clean : clean.substring(0, TEXT_COLUMN_WIDTH);
    }
}
