package io.weatherstation.execution.config;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.execution.application.ExecuteNodeService;
import io.weatherstation.execution.application.ExecutionControls;
import io.weatherstation.execution.application.NodeRunsService;
import io.weatherstation.execution.application.ExecutionService;
import io.weatherstation.execution.application.LiveCycleRepository;
import io.weatherstation.execution.application.LiveNodeTaskRepository;
import io.weatherstation.execution.application.PartialRunService;
import io.weatherstation.execution.application.PauseExecutionService;
import io.weatherstation.execution.application.port.out.ParkedTasks;
import io.weatherstation.execution.application.port.out.PartialRuns;
import io.weatherstation.execution.application.port.out.PauseRegistry;
import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.application.port.out.ExecutionReads;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.SignalPublisher;
import io.weatherstation.execution.application.port.out.TaskDispatcher;
import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.flow.application.port.in.HandleCycleEndUseCase;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.application.port.in.RecordLiveEventUseCase;
import io.weatherstation.execution.application.ExecuteNodeService;
import io.weatherstation.flow.application.port.out.CronCalendar;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.shared.domain.WorkerId;
import java.time.Clock;
import java.time.Duration;
import io.weatherstation.execution.application.CleanupService;
import io.weatherstation.execution.application.port.out.StateCleanup;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    @Bean(destroyMethod = "close")
    RunningTasks runningTasks() {
        return new RunningTasks(Duration.ofMillis(50));
    }

    @Bean
    CleanupService cleanupService(StateCleanup state, ExecutionJournalUseCase journal,
            @Value("${station.journal.retention-cycles:100}") int retainedCycles) {
        return new CleanupService(state, journal, retainedCycles);
    }

    /** The housekeeping pass, hourly (and on demand through the admin API). */
    @Bean
    SmartLifecycle hourlyCleanup(CleanupService cleanup,
            @Value("${station.cleanup.interval-minutes:60}") long intervalMinutes) {
        return new SmartLifecycle() {
            private ScheduledExecutorService timer;

            @Override
            public void start() {
                timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cleanup").factory());
                timer.scheduleWithFixedDelay(() -> {
                    try {
                        cleanup.cleanUp();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(ExecutionConfiguration.class).warn("cleanup failed: {}", e.getMessage());
                    }
                }, intervalMinutes, intervalMinutes, TimeUnit.MINUTES);
            }

            @Override
            public void stop() {
                timer.shutdownNow();
            }

            @Override
            public boolean isRunning() {
                return timer != null && !timer.isShutdown();
            }
        };
    }

    @Bean
    ExecuteNodeService executeNodeService(NodeRegistry registry, CronCalendar cron, FlowLimits limits, Clock clock) {
        return new ExecuteNodeService(registry, cron, limits, clock);
    }

    /** Background isolated runs (the compatibility API's {@code POST /nodes/execute}); the latest 1000 are kept. */
    @Bean
    NodeRunsService nodeRunsService(ExecuteNodeService executor, Clock clock,
            @Value("${station.node-runs.remembered:1000}") int remembered) {
        return new NodeRunsService(executor, clock, remembered);
    }

    @Bean
    ExecutionService executionService(QueryFlowsUseCase flows, FlowRepository flowRepository,
            HandleCycleEndUseCase cycleEnded, NodeRegistry registry, CycleRepository cycles, NodeTaskRepository tasks,
            TaskInbox inbox, TaskDispatcher dispatcher, SignalPublisher publisher, TerminationFlags flags,
            CycleSetups setups, ExecutionJournalUseCase journal, RunningTasks running, ExecutionControls controls,
            WorkerId worker, Clock clock, RecordLiveEventUseCase live, ExecutionReads reads) {
        // The engine's status changes reach the live event stream through its repositories.
        return new ExecutionService(flows, flowRepository, cycleEnded, registry, new LiveCycleRepository(cycles, live),
                new LiveNodeTaskRepository(tasks, live), inbox, dispatcher, publisher, flags, setups, journal, running,
                controls, worker, clock, reads);
    }

    @Bean
    ExecutionControls executionControls(PauseRegistry pauses, ParkedTasks parked, PartialRuns partialRuns) {
        return new ExecutionControls(pauses, parked, partialRuns);
    }

    @Bean
    PauseExecutionService pauseExecutionService(QueryFlowsUseCase flows, ExecutionControls controls,
            ExecutionService engine, NodeTaskRepository tasks, NodeRegistry registry, ExecutionJournalUseCase journal,
            Clock clock, RecordLiveEventUseCase live) {
        return new PauseExecutionService(flows, controls, engine, new LiveNodeTaskRepository(tasks, live), registry,
                journal, clock);
    }

    @Bean
    PartialRunService partialRunService(QueryFlowsUseCase flows, ExecutionControls controls, ExecutionService engine,
            NodeRegistry registry, CycleRepository cycles, NodeTaskRepository tasks, Clock clock,
            RecordLiveEventUseCase live) {
        return new PartialRunService(flows, controls, engine, registry, new LiveCycleRepository(cycles, live),
                new LiveNodeTaskRepository(tasks, live), clock);
    }
}
