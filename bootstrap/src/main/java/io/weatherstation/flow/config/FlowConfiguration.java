package io.weatherstation.flow.config;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.flow.application.FlowReader;
import io.weatherstation.flow.application.FlowScheduler;
import io.weatherstation.flow.application.FlowService;
import io.weatherstation.flow.application.RunOnceCompletionService;
import io.weatherstation.flow.application.port.out.CronCalendar;
import io.weatherstation.flow.application.port.out.CycleLauncher;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.application.port.out.TickClaims;
import io.weatherstation.flow.application.port.out.Timers;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.journal.application.port.in.ExecutionJournal;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class FlowConfiguration {

    @Bean
    FlowLimits flowLimits(@Value("${station.limits.max-nodes:1000}") int maxNodes,
            @Value("${station.limits.max-edges:5000}") int maxEdges) {
        return new FlowLimits(maxNodes, maxEdges);
    }

    /** The JSON boundary of every body the station reads as Weather Syntax (flows, isolated node runs). */
    @Bean
    WeatherSyntaxJson weatherSyntaxJson(NodeRegistry catalog, CronCalendar cron, FlowLimits limits,
            @Value("${station.http.max-body-bytes:1048576}") int maxBodyBytes) {
        return new WeatherSyntaxJson(catalog, cron, limits, maxBodyBytes);
    }

    @Bean
    FlowReader flowReader(FlowRepository flows, NodeRegistry catalog, CronCalendar cron, FlowLimits limits) {
        return new FlowReader(flows, catalog, cron, limits);
    }

    @Bean
    RunOnceCompletionService runOnceCompletion(FlowRepository flows, FlowReader reader) {
        return new RunOnceCompletionService(flows, reader);
    }

    @Bean
    FlowScheduler flowScheduler(FlowRepository flows, CycleLauncher launcher, TickClaims claims, CronCalendar cron,
            Timers timers, ExecutionJournal journal, Clock clock) {
        return new FlowScheduler(flows, launcher, claims, cron, timers, journal, clock);
    }

    @Bean
    FlowService flowService(FlowRepository flows, FlowReader reader, FlowScheduler scheduler, CycleLauncher launcher,
            ExecutionJournal journal, Clock clock) {
        return new FlowService(flows, reader, scheduler, launcher, journal, clock);
    }

    /** Running flows resume their schedule as soon as the station is up, without waiting for a request. */
    @Bean
    ResumeOnStart resumeOnStart(FlowService flows) {
        return new ResumeOnStart(flows);
    }

    record ResumeOnStart(FlowService flows) {
        @EventListener(ApplicationReadyEvent.class)
        public void resume() {
            flows.resumeRunningFlows();
        }
    }
}
