package io.weatherstation.workers.config;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.workers.application.WorkerService;
import io.weatherstation.workers.application.port.out.WorkerDirectory;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkersConfiguration {

    @Bean
    WorkerService workerService(WorkerDirectory directory, WorkerId id, NodeRegistry registry, Clock clock,
            @Value("${station.api-url:http://localhost:${server.port:7002}}") String apiUrl) {
        return new WorkerService(directory, id, apiUrl, registry.typeNames(), clock);
    }

    /** Registers at start-up, heartbeats every 30 s, leaves the registry on shutdown. */
    @Bean
    SmartLifecycle workerHeartbeat(WorkerService workers,
            @Value("${station.workers.heartbeat-seconds:30}") long heartbeatSeconds) {
        return new SmartLifecycle() {
            private ScheduledExecutorService timer;

            @Override
            public void start() {
                timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("heartbeat").factory());
                workers.heartbeat();
                timer.scheduleAtFixedRate(workers::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
            }

            @Override
            public void stop() {
                timer.shutdownNow();
                workers.leave();
            }

            @Override
            public boolean isRunning() {
                return timer != null && !timer.isShutdown();
            }
        };
    }
}
