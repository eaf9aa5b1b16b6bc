package io.weatherstation.execution.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.execution.domain.CycleStatus;
import io.weatherstation.execution.domain.NodeTaskStatus;
import io.weatherstation.execution.support.EngineTestSupport;
import io.weatherstation.execution.support.Gates;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/** SPEC §2 {@code interval}/{@code cron}/{@code max_concurrent_cycles}, §4.11 and failure modes 4 and 5. */
class ScheduleTest extends EngineTestSupport {

    @Autowired ConfigurableApplicationContext context;

    private static String constantFlow(String schedule) {
        return """
                {%s,
                 "nodes": [{"id": "a", "type": "constant_node", "config": {"values": {"x": 1}}}],
                 "edges": []}
                """.formatted(schedule);
    }

    @Test
    void a_run_once_flow_is_completed_after_its_one_cycle() {
        register("sched-once", constantFlow("\"interval\": 0"));
        flows.start(FlowId.of("sched-once"));
        timers.runDue();

        assertThat(awaitEndStatus("sched-once", 0)).isEqualTo(CycleStatus.COMPLETED);
        eventually().until(() -> flow("sched-once").status() == FlowStatus.COMPLETED);
        assertThat(flow("sched-once").nextExecution()).isEmpty();
        assertThat(scheduler.isArmed(FlowId.of("sched-once"))).isFalse();

        timers.advanceBy(Duration.ofHours(1));
        assertThat(flow("sched-once").lastCycle()).contains(CycleNumber.of(0));
    }

    @Test
    void a_periodic_flow_starts_one_cycle_per_period_measured_from_the_scheduled_instant() {
        register("sched-rate", constantFlow("\"interval\": 10"));
        Instant t0 = clock.instant();
        flows.start(FlowId.of("sched-rate"));
        timers.runDue();
        awaitEnd("sched-rate", 0);

        for (long k = 1; k <= 5; k++) {
            assertThat(timers.advanceBy(Duration.ofSeconds(10))).isEqualTo(1);
            assertThat(awaitEndStatus("sched-rate", k)).isEqualTo(CycleStatus.COMPLETED);
            assertThat(cycle("sched-rate", k).cycle().startTime()).isEqualTo(t0.plusSeconds(10 * k));
        }
        assertThat(flow("sched-rate").lastCycle()).contains(CycleNumber.of(5));
        assertThat(flow("sched-rate").nextExecution()).contains(t0.plusSeconds(60));

        // The station fires the tick of t0+60 three seconds late: the next one stays at t0+70.
        timers.jumpBy(Duration.ofSeconds(13));
        awaitEnd("sched-rate", 6);
        assertThat(cycle("sched-rate", 6).cycle().startTime()).isEqualTo(t0.plusSeconds(63));
        assertThat(logMessages("sched-rate")).anyMatch(m -> m.startsWith("cycle 6 started (schedule, 3000 ms after"));
        assertThat(flow("sched-rate").nextExecution()).contains(t0.plusSeconds(70));

        timers.advanceBy(Duration.ofSeconds(7));
        awaitEnd("sched-rate", 7);
        assertThat(cycle("sched-rate", 7).cycle().startTime()).isEqualTo(t0.plusSeconds(70));
    }

    @Test
    void a_long_cycle_does_not_shift_the_next_tick() {
        register("sched-long", """
                {"interval": 10,
                 "nodes": [{"id": "work", "type": "gate_node", "config": {"gate": "sched-long"}}],
                 "edges": []}
                """);
        Instant t0 = clock.instant();
        flows.start(FlowId.of("sched-long"));
        timers.runDue();
        awaitTaskStatus("sched-long", 0, "work", NodeTaskStatus.RUNNING);

        timers.advanceBy(Duration.ofSeconds(7));
        Gates.open("sched-long");
        assertThat(awaitEnd("sched-long", 0).cycle().endTime()).isEqualTo(t0.plusSeconds(7));

        timers.advanceBy(Duration.ofSeconds(3));
        assertThat(cycle("sched-long", 1).cycle().startTime()).isEqualTo(t0.plusSeconds(10));
        awaitEnd("sched-long", 1);
    }

    @Test
    void a_cron_flow_runs_at_the_instants_its_expression_matches() {
        Instant base = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)).plus(Duration.ofMinutes(7));
        clock.set(base);
        register("sched-cron", constantFlow("\"cron\": \"0 */15 * * * *\""));
        flows.start(FlowId.of("sched-cron"));
        timers.runDue();
        assertThat(flow("sched-cron").lastCycle()).as("no cycle outside the cron schedule").isEmpty();
        assertThat(flow("sched-cron").nextExecution()).contains(base.plus(Duration.ofMinutes(8)));

        timers.advanceBy(Duration.ofMinutes(8));
        awaitEnd("sched-cron", 0);
        timers.advanceBy(Duration.ofMinutes(15));
        awaitEnd("sched-cron", 1);
        timers.advanceBy(Duration.ofMinutes(15));
        awaitEnd("sched-cron", 2);

        assertThat(List.of(0L, 1L, 2L)).extracting(n -> cycle("sched-cron", n).cycle().startTime())
                .containsExactly(base.plus(Duration.ofMinutes(8)), base.plus(Duration.ofMinutes(23)),
                        base.plus(Duration.ofMinutes(38)));
        assertThat(flow("sched-cron").nextExecution()).contains(base.plus(Duration.ofMinutes(53)));
    }

    @Test
    void a_due_tick_while_max_concurrent_cycles_run_is_skipped_and_logged_not_queued() {
        register("sched-overlap", """
                {"interval": 10,
                 "nodes": [{"id": "hold", "type": "gate_node", "config": {"gate": "sched-overlap"}}],
                 "edges": []}
                """);
        flows.start(FlowId.of("sched-overlap"));
        timers.runDue();
        awaitTaskStatus("sched-overlap", 0, "hold", NodeTaskStatus.RUNNING);

        timers.advanceBy(Duration.ofSeconds(10));
        timers.advanceBy(Duration.ofSeconds(10));

        assertThat(flow("sched-overlap").lastCycle()).contains(CycleNumber.of(0));
        List<LogEntry> skipped = logs("sched-overlap").stream()
                .filter(e -> e.message().startsWith("tick skipped")).toList();
        assertThat(skipped).hasSize(2).allSatisfy(e -> {
            assertThat(e.level()).isEqualTo(LogLevel.WARNING);
            assertThat(e.source()).isEqualTo(LogSource.SCHEDULER);
            assertThat(e.message()).contains("1 cycle still running, max_concurrent_cycles=1");
        });

        Gates.open("sched-overlap");
        awaitEnd("sched-overlap", 0);
        assertThat(execution.runningCycles(FlowId.of("sched-overlap"))).isZero();
        assertThat(flow("sched-overlap").lastCycle()).as("skipped ticks are not queued up").contains(CycleNumber.of(0));

        timers.advanceBy(Duration.ofSeconds(10));
        assertThat(awaitEndStatus("sched-overlap", 1)).isEqualTo(CycleStatus.COMPLETED);
    }

    @Test
    void a_run_once_tick_refused_by_a_running_manual_cycle_is_retried_until_it_runs() {
        register("sched-once-deferred", """
                {"interval": 0,
                 "nodes": [{"id": "hold", "type": "gate_node", "config": {"gate": "sched-once-deferred"}}],
                 "edges": []}
                """);
        FlowId id = FlowId.of("sched-once-deferred");
        execution.runNow(id);
        awaitTaskStatus("sched-once-deferred", 0, "hold", NodeTaskStatus.RUNNING);
        flows.start(id);
        timers.runDue();
        assertThat(logs("sched-once-deferred")).anyMatch(e -> e.message().startsWith("run-once cycle deferred"));
        assertThat(scheduler.isArmed(id)).as("the refused run-once tick is re-armed").isTrue();

        Gates.open("sched-once-deferred");
        awaitEnd("sched-once-deferred", 0);
        timers.advanceBy(Duration.ofSeconds(1));

        assertThat(awaitEndStatus("sched-once-deferred", 1)).isEqualTo(CycleStatus.COMPLETED);
        eventually().until(() -> flow("sched-once-deferred").status() == FlowStatus.COMPLETED);
    }

    @Test
    void max_concurrent_cycles_lets_that_many_cycles_overlap() {
        register("sched-overlap-2", """
                {"interval": 10, "max_concurrent_cycles": 2,
                 "nodes": [{"id": "hold", "type": "gate_node", "config": {"gate": "sched-overlap-2"}}],
                 "edges": []}
                """);
        flows.start(FlowId.of("sched-overlap-2"));
        timers.runDue();
        timers.advanceBy(Duration.ofSeconds(10));
        timers.advanceBy(Duration.ofSeconds(10));

        assertThat(flow("sched-overlap-2").lastCycle()).contains(CycleNumber.of(1));
        assertThat(execution.runningCycles(FlowId.of("sched-overlap-2"))).isEqualTo(2);
        assertThat(logMessages("sched-overlap-2")).filteredOn(m -> m.startsWith("tick skipped")).hasSize(1);

        Gates.open("sched-overlap-2");
        awaitEnd("sched-overlap-2", 0);
        awaitEnd("sched-overlap-2", 1);
    }

    @Test
    void the_scheduler_has_no_iteration_cap() {
        FlowId id = FlowId.of("sched-600");
        register("sched-600", constantFlow("\"interval\": 1"));
        Instant t0 = clock.instant();
        flows.start(id);
        timers.runDue();
        awaitEnd("sched-600", 0);

        for (long tick = 1; tick <= 600; tick++) {
            assertThat(timers.advanceBy(Duration.ofSeconds(1))).as("timers fired at tick %d", tick).isEqualTo(1);
            long expected = tick;
            assertThat(flow("sched-600").lastCycle()).contains(CycleNumber.of(expected));
            eventually().until(() -> execution.runningCycles(id) == 0);
        }

        assertThat(flow("sched-600").status()).isEqualTo(FlowStatus.RUNNING);
        assertThat(flow("sched-600").nextExecution()).contains(t0.plusSeconds(601));
        assertThat(scheduler.isArmed(id)).isTrue();
        assertThat(logMessages("sched-600")).noneMatch(m -> m.startsWith("tick skipped") || m.contains("missed"));
        assertThat(awaitEndStatus("sched-600", 600)).isEqualTo(CycleStatus.COMPLETED);
    }

    @Test
    void running_flows_resume_their_schedule_when_the_station_is_ready_without_any_api_call() {
        register("sched-resume-now", constantFlow("\"interval\": 10"));
        register("sched-resume-later", constantFlow("\"interval\": 10"));
        Instant now = clock.instant();
        // What a previous station process left behind: running flows, and no timer in this one.
        flowRepository.update(FlowId.of("sched-resume-now"), f -> {
            f.start(now.minusSeconds(60), now.minusSeconds(5));
            return null;
        });
        flowRepository.update(FlowId.of("sched-resume-later"), f -> {
            f.start(now.minusSeconds(60), now.plusSeconds(4));
            return null;
        });
        assertThat(scheduler.isArmed(FlowId.of("sched-resume-now"))).isFalse();

        context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));

        assertThat(scheduler.isArmed(FlowId.of("sched-resume-now"))).isTrue();
        assertThat(scheduler.isArmed(FlowId.of("sched-resume-later"))).isTrue();
        timers.runDue();
        awaitEnd("sched-resume-now", 0);
        assertThat(flow("sched-resume-later").lastCycle()).as("resumes at its stored next execution").isEmpty();

        timers.advanceBy(Duration.ofSeconds(4));
        assertThat(cycle("sched-resume-later", 0).cycle().startTime()).isEqualTo(now.plusSeconds(4));
        timers.advanceBy(Duration.ofSeconds(6));
        awaitEnd("sched-resume-now", 1);
        awaitEnd("sched-resume-later", 0);
    }

    @Test
    void a_tick_of_a_flow_stopped_or_deleted_behind_the_schedulers_back_starts_nothing_and_disarms() {
        // Another instance stops one flow and deletes the other: only the shared state changes,
        // this instance's scheduler still has their next ticks armed.
        FlowId stopped = FlowId.of("sched-stopped-elsewhere");
        FlowId deleted = FlowId.of("sched-deleted-elsewhere");
        for (FlowId id : List.of(stopped, deleted)) {
            register(id.value(), constantFlow("\"interval\": 10"));
            flows.start(id);
        }
        timers.runDue();
        awaitEnd(stopped.value(), 0);
        awaitEnd(deleted.value(), 0);
        flowRepository.update(stopped, flow -> {
            flow.stop(false, clock.instant());
            return true;
        });
        assertThat(flowRepository.delete(deleted)).isTrue();
        assertThat(scheduler.isArmed(stopped)).isTrue();
        assertThat(scheduler.isArmed(deleted)).isTrue();

        timers.advanceBy(Duration.ofSeconds(10));

        eventually().until(() -> !scheduler.isArmed(stopped) && !scheduler.isArmed(deleted));
        assertThat(cycleExists(stopped.value(), 1)).isFalse();
        assertThat(flow(stopped.value()).status()).isEqualTo(FlowStatus.STOPPED);
        assertThat(flow(stopped.value()).lastCycle()).contains(CycleNumber.of(0));
        assertThat(flowRepository.find(deleted)).isEmpty();
        assertThat(timers.advanceBy(Duration.ofSeconds(30))).isZero();
    }
}
