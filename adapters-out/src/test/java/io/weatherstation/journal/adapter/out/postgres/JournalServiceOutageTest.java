package io.weatherstation.journal.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.weatherstation.journal.application.JournalService;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.testing.infra.TcpGate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL outage never loses journal entries: {@link JournalService} over the jOOQ adapter
 * keeps what it could not write and writes it, exactly once, when the database answers again. The
 * database sits behind a {@link TcpGate}, so "down" is a refused port and cut connections.
 */
class JournalServiceOutageTest {

    private static final FlowId FLOW = FlowId.of("outage");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private JournalTestSchema schema;
    private TcpGate gate;
    private HikariDataSource gatedPool;
    private JournalService journal;
    private DSLContext direct;

    @BeforeEach
    void setUp() {
        schema = JournalTestSchema.create();
        direct = schema.dsl();
        URI server = URI.create(schema.postgres().jdbcUrl().substring("jdbc:".length()));
        gate = new TcpGate(server.getHost(), server.getPort());
        String gatedUrl = "jdbc:postgresql://127.0.0.1:" + gate.port() + server.getRawPath()
                + (server.getRawQuery() == null ? "" : "?" + server.getRawQuery());
        gatedPool = JournalTestSchema.pool(gatedUrl, schema.name());
        JooqJournalStoreAdapter store = new JooqJournalStoreAdapter(DSL.using(gatedPool, SQLDialect.POSTGRES),
                Clock.systemUTC(), Duration.ofDays(30));
        journal = new JournalService(store, 10_000, 50);
    }

    @AfterEach
    void tearDown() {
        journal.close();
        gatedPool.close();
        gate.close();
        schema.close();
    }

    @Test
    void entries_recorded_while_the_database_is_unreachable_are_written_once_it_answers() {
        record(0, 100);

        await().atMost(PATIENCE).until(() -> journal.failedFlushes() >= 2);
        assertThat(journal.bufferedEntries()).isEqualTo(120);
        assertThat(journal.droppedEntries()).isZero();
        assertThat(rows("flow_execution_log")).isZero();

        gate.open();

        await().atMost(PATIENCE).until(() -> journal.bufferedEntries() == 0);
        assertWrittenExactlyOnce(100);
    }

    @Test
    void an_outage_in_the_middle_of_a_run_loses_and_duplicates_nothing() {
        gate.open();
        record(0, 50);
        await().atMost(PATIENCE).until(() -> journal.bufferedEntries() == 0);
        long failuresBefore = journal.failedFlushes();

        gate.close();
        record(50, 150);
        await().atMost(PATIENCE).until(() -> journal.failedFlushes() > failuresBefore);
        assertThat(journal.bufferedEntries()).isPositive();

        gate.open();
        record(150, 200);

        await().atMost(PATIENCE).until(() -> journal.bufferedEntries() == 0);
        assertThat(journal.droppedEntries()).isZero();
        assertWrittenExactlyOnce(200);
    }

    /** Log lines {@code from..to-1}, and a signal for every fifth of them. */
    private void record(int from, int to) {
        Instant now = Instant.now();
        for (int i = from; i < to; i++) {
            journal.log(new LogEntry(FLOW, i / 10, NodeId.of("node-" + (i % 3)), LogLevel.INFO, LogSource.NODE,
                    "entry " + i, Map.of("i", i), now));
            if (i % 5 == 0) {
                journal.signal(new SignalRecord(FLOW, i / 10, 0, "node-0", "out", "node-1", "in", "DATA_READY",
                        Map.of("i", i), now));
            }
        }
    }

    private void assertWrittenExactlyOnce(int lines) {
        assertThat(rows("flow_execution_log")).isEqualTo(lines);
        assertThat(count("select count(distinct message) from flow_execution_log"))
                .isEqualTo(lines);
        assertThat(rows("flow_execution_signal")).isEqualTo(lines / 5);
        assertThat(count("select count(distinct payload) from flow_execution_signal"))
                .isEqualTo(lines / 5);
    }

    private long rows(String table) {
        return count("select count(*) from " + table);
    }

    private long count(String query) {
        return ((Number) direct.fetchValue(query)).longValue();
    }
}
