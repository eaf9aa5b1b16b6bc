package io.weatherstation.journal.adapter.out.postgres;

import io.weatherstation.journal.adapter.out.JournalStoreContract;
import io.weatherstation.journal.application.port.out.JournalStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL journal of the distributed mode meets the journal contract, on a real server. */
class JooqJournalStoreAdapterContractTest extends JournalStoreContract {

    private static JournalTestSchema schema;

    @BeforeAll
    static void migrate() {
        schema = JournalTestSchema.create();
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @Override
    protected JournalStore emptyStore() {
        schema.truncate();
        return new JooqJournalStoreAdapter(schema.dsl(), Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC),
                Duration.ofDays(30));
    }
}
