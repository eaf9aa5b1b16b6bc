package io.weatherstation.journal.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.testing.infra.PostgresEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The journal's migrations build the schema the generated jOOQ classes expect, on a fresh schema. */
class FlywayMigrationTest {

    private final PostgresEndpoint postgres = TestInfrastructure.postgres();
    private final String schema = JournalTestSchema.freshName();

    @AfterEach
    void drop() {
        JournalTestSchema.dropSchema(postgres, schema);
    }

    @Test
    void migrates_a_fresh_schema_once_and_then_has_nothing_to_do() {
        Flyway flyway = JournalTestSchema.flyway(postgres, schema);

        MigrateResult first = flyway.migrate();
        MigrateResult second = flyway.migrate();

        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isEqualTo(1);
        assertThat(first.targetSchemaVersion).isEqualTo("1");
        assertThat(second.migrationsExecuted).isZero();
        assertThat(flyway.info().all()).extracting(info -> info.getState()).containsOnly(MigrationState.SUCCESS);
        flyway.validate();
    }

    @Test
    void creates_the_journal_tables_columns_and_indexes() {
        JournalTestSchema.flyway(postgres, schema).migrate();

        try (var dataSource = JournalTestSchema.pool(postgres.jdbcUrl(), schema)) {
            DSLContext sql = DSL.using(dataSource, SQLDialect.POSTGRES);
            List<String> logColumns = columns(sql, "flow_execution_log");
            List<String> signalColumns = columns(sql, "flow_execution_signal");
            List<String> indexes = sql.fetch("select indexname from pg_indexes where schemaname = ? order by 1", schema)
                    .getValues(0, String.class);

            assertThat(logColumns).containsExactly(
                    "id bigint NO", "flow_id character varying NO", "cycle bigint NO", "node_id character varying YES",
                    "log_level character varying NO", "log_source character varying NO", "message text NO",
                    "log_metadata jsonb YES", "created_at timestamp with time zone NO");
            assertThat(signalColumns).containsExactly(
                    "id bigint NO", "flow_id character varying NO", "cycle bigint NO", "component_id integer NO",
                    "source_node character varying NO", "source_handle character varying NO",
                    "target_node character varying NO", "target_handle character varying NO",
                    "signal_type character varying NO", "payload jsonb NO", "created_at timestamp with time zone NO");
            assertThat(indexes).contains(
                    "flow_execution_log_pkey", "flow_execution_log_flow_cycle_idx", "flow_execution_log_flow_node_idx",
                    "flow_execution_log_flow_time_idx", "flow_execution_log_outside_cycle_idx",
                    "flow_execution_signal_pkey", "flow_execution_signal_flow_cycle_idx",
                    "flow_execution_signal_outside_cycle_idx");
        }
    }

    private List<String> columns(DSLContext sql, String table) {
        return sql.fetch("""
                select column_name || ' ' || data_type || ' ' || is_nullable from information_schema.columns
                where table_schema = ? and table_name = ? order by ordinal_position""", schema, table)
                .getValues(0, String.class);
    }
}
