package io.weatherstation.journal.config;

import io.weatherstation.journal.application.JournalService;
import io.weatherstation.journal.application.port.out.JournalStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    @Bean(destroyMethod = "close")
    JournalService executionJournal(JournalStore store,
            @Value("${station.journal.buffer-capacity:200000}") int capacity,
            @Value("${station.journal.flush-interval-ms:200}") long flushIntervalMillis) {
        return new JournalService(store, capacity, flushIntervalMillis);
    }
}
