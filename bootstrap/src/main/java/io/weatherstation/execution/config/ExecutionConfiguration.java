package io.weatherstation.execution.config;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.execution.application.ExecutionService;
import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.SignalPublisher;
import io.weatherstation.execution.application.port.out.TaskDispatcher;
import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.flow.application.port.in.HandleCycleEndUseCase;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
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
    ExecutionService executionService(QueryFlowsUseCase flows, FlowRepository flowRepository,
            HandleCycleEndUseCase cycleEnded, NodeRegistry registry, CycleRepository cycles, NodeTaskRepository tasks,
            TaskInbox inbox, TaskDispatcher dispatcher, SignalPublisher publisher, TerminationFlags flags,
            CycleSetups setups, ExecutionJournalUseCase journal, RunningTasks running, WorkerId worker, Clock clock) {
        return new ExecutionService(flows, flowRepository, cycleEnded, registry, cycles, tasks, inbox, dispatcher,
                publisher, flags, setups, journal, running, worker, clock);
    }
}
