package io.weatherstation.execution.config;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.execution.application.ExecuteNodeService;
import io.weatherstation.execution.application.ExecutionService;
import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.SignalPublisher;
import io.weatherstation.execution.application.port.out.TaskDispatcher;
import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.flow.application.FlowReader;
import io.weatherstation.flow.application.RunOnceCompletionService;
import io.weatherstation.flow.application.port.out.CronCalendar;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.journal.application.port.in.ExecutionJournal;
import io.weatherstation.shared.domain.WorkerId;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    @Bean(destroyMethod = "close")
    RunningTasks runningTasks() {
        return new RunningTasks(Duration.ofMillis(50));
    }

    @Bean
    ExecuteNodeService executeNodeService(NodeRegistry registry, CronCalendar cron, FlowLimits limits, Clock clock) {
        return new ExecuteNodeService(registry, cron, limits, clock);
    }

    @Bean
    ExecutionService executionService(FlowReader flows, FlowRepository flowRepository,
            RunOnceCompletionService cycleEnded, NodeRegistry registry, CycleRepository cycles, NodeTaskRepository tasks,
            TaskInbox inbox, TaskDispatcher dispatcher, SignalPublisher publisher, TerminationFlags flags,
            CycleSetups setups, ExecutionJournal journal, RunningTasks running, WorkerId worker, Clock clock) {
        return new ExecutionService(flows, flowRepository, cycleEnded, registry, cycles, tasks, inbox, dispatcher,
                publisher, flags, setups, journal, running, worker, clock);
    }
}
