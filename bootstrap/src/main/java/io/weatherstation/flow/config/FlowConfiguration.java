package io.weatherstation.flow.config;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.flow.application.FlowQueryService;
import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.flow.application.FlowScheduler;
import io.weatherstation.flow.application.FlowService;
import io.weatherstation.flow.application.RunOnceCompletionService;
import io.weatherstation.flow.application.port.out.CronCalendar;
import io.weatherstation.flow.application.port.out.CycleLauncher;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.application.port.out.TickClaims;
import io.weatherstation.flow.application.port.out.Timers;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Configuration;

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
    FlowQueryService flowQueryService(FlowRepository flows, NodeRegistry catalog, CronCalendar cron, FlowLimits limits) {
        return new FlowQueryService(flows, catalog, cron, limits);
    }

    @Bean
    RunOnceCompletionService runOnceCompletion(FlowRepository flows, FlowQueryService reader) {
        return new RunOnceCompletionService(flows, reader);
    }

    @Bean
    FlowScheduler flowScheduler(FlowRepository flows, CycleLauncher launcher, TickClaims claims, CronCalendar cron,
            Timers timers, ExecutionJournalUseCase journal, Clock clock) {
        return new FlowScheduler(flows, launcher, claims, cron, timers, journal, clock);
    }

    @Bean
    FlowService flowService(FlowRepository flows, FlowQueryService reader, FlowScheduler scheduler, CycleLauncher launcher,
            ExecutionJournalUseCase journal, Clock clock) {
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
            flows.reconcileSchedules();
        }
    }

    /** Every few seconds this instance picks up flows started or stopped on other instances. */
    @Bean
    SmartLifecycle scheduleReconciler(FlowService flows,
            @Value("${station.scheduling.reconcile-seconds:5}") long reconcileSeconds) {
        return new SmartLifecycle() {
            private ScheduledExecutorService timer;

            @Override
            public void start() {
                timer = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("schedule-reconciler").factory());
                timer.scheduleWithFixedDelay(() -> {
                    try {
                        flows.reconcileSchedules();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(FlowConfiguration.class)
                                .warn("schedule reconciliation failed: {}", e.getMessage());
                    }
                }, reconcileSeconds, reconcileSeconds, TimeUnit.SECONDS);
            }

            @Override
            public void stop() {
                timer.shutdownNow();
            }

            @Override
            public boolean isRunning() {
                return timer != null && !timer.isShutdown();
            }

            @Override
            public int getPhase() {
                // After the web server and the transport are up.
                return Integer.MAX_VALUE - 1000;
            }
        };
    }
}
