package io.weatherstation.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.journal.application.port.out.JournalStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The embedded mode starts nothing database-related although the PostgreSQL journal's libraries
 * are on the class path: no pool, no migration, no jOOQ, no "db" health check (ADR 0008).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedModeStartsNoDatabaseTest {

    @Autowired
    ApplicationContext context;

    @Value("${local.server.port}")
    int port;

    @Test
    void has_no_datasource_flyway_or_jooq_and_journals_in_memory() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Flyway.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DSLContext.class)).isEmpty();
        assertThat(context.getBean(JournalStore.class).getClass().getSimpleName())
                .isEqualTo("InMemoryJournalStoreAdapter");
    }

    @Test
    void reports_health_without_a_database_check() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"");
    }
}
