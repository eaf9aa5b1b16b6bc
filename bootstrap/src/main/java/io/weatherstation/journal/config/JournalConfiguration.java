package io.weatherstation.journal.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.weatherstation.journal.application.JournalService;
import io.weatherstation.journal.application.LiveEventsService;
import io.weatherstation.journal.application.port.out.EventLog;
import io.weatherstation.journal.application.port.out.JournalStore;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    @Bean(destroyMethod = "close")
    JournalService executionJournal(JournalStore store, LiveEventsService live,
            @Value("${station.journal.buffer-capacity:200000}") int capacity,
            @Value("${station.journal.flush-interval-ms:200}") long flushIntervalMillis) {
        return new JournalService(store, capacity, flushIntervalMillis, live);
    }

    /** Live events (ADR 0011): a bounded buffer in front of the event log, and the followers' reads. */
    @Bean(destroyMethod = "close")
    LiveEventsService liveEvents(EventLog log, ObjectProvider<MeterRegistry> meters,
            @Value("${station.events.buffer-capacity:100000}") int bufferCapacity,
            @Value("${station.events.page-size:500}") int pageSize,
            @Value("${station.events.look-again:1s}") Duration lookAgain,
            @Value("${station.events.max-followers:1000}") int maxFollowers) {
        LiveEventsService live = new LiveEventsService(log, bufferCapacity, pageSize, lookAgain, maxFollowers);
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("station.events.recorded", live, LiveEventsService::recordedEvents)
                    .description("live events accepted for the event log").register(registry);
            FunctionCounter.builder("station.events.dropped", live, LiveEventsService::droppedEvents)
                    .description("live events dropped: buffer full or event log unavailable").register(registry);
            Gauge.builder("station.events.buffered", live, LiveEventsService::bufferedEvents)
                    .description("live events waiting to be written to the event log").register(registry);
            Gauge.builder("station.events.followers", live, LiveEventsService::followers)
                    .description("live event streams served by this instance").register(registry);
        });
        return live;
    }
}
