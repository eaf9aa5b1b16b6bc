package io.weatherstation.journal.adapter.out.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.weatherstation.testing.infra.PostgresEndpoint;
import io.weatherstation.testing.infra.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A schema of its own ({@code journal_it_<random>}) in the test PostgreSQL, migrated by Flyway
 * from the production scripts, so tests running at the same time (other modules, other
 * developers) never see each other's rows. Dropped on {@link #close()}.
 */
final class JournalTestSchema implements AutoCloseable {

    private final PostgresEndpoint postgres;
    private final String name;
    private final HikariDataSource dataSource;
    private final MigrateResult migration;

    private JournalTestSchema(PostgresEndpoint postgres, String name) {
        this.postgres = postgres;
        this.name = name;
        this.migration = flyway(postgres, name).migrate();
        this.dataSource = pool(postgres.jdbcUrl(), name);
    }

    /** A fresh, migrated schema. */
    static JournalTestSchema create() {
        return new JournalTestSchema(TestInfrastructure.postgres(), freshName());
    }

    static String freshName() {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return "journal_it_" + HexFormat.of().formatHex(random);
    }

    static Flyway flyway(PostgresEndpoint postgres, String schema) {
        return Flyway.configure()
                .dataSource(postgres.jdbcUrl(), postgres.user(), postgres.password())
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load();
    }

    /** A small pool whose connections work in {@code schema}; {@code jdbcUrl} may point anywhere. */
    static HikariDataSource pool(String jdbcUrl, String schema) {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(postgres.user());
        config.setPassword(postgres.password());
        config.setSchema(schema);
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(250);
        config.setValidationTimeout(500);
        // Start even while the database is unreachable (the outage tests begin that way).
        config.setInitializationFailTimeout(-1);
        config.setPoolName("journal-test-" + schema);
        return new HikariDataSource(config);
    }

    String name() {
        return name;
    }

    PostgresEndpoint postgres() {
        return postgres;
    }

    MigrateResult migration() {
        return migration;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    DSLContext dsl() {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    void truncate() {
        dsl().execute("truncate flow_execution_log, flow_execution_signal restart identity");
    }

    @Override
    public void close() {
        dataSource.close();
        dropSchema(postgres, name);
    }

    static void dropSchema(PostgresEndpoint postgres, String schema) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + schema + "\" cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
