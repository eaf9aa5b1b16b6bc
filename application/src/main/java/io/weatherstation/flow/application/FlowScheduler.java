package io.weatherstation.flow.application;

import io.weatherstation.flow.application.port.out.CronCalendar;
import io.weatherstation.flow.application.port.out.CycleLauncher;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.application.port.out.TickClaims;
import io.weatherstation.flow.application.port.out.Timers;
import io.weatherstation.flow.domain.IllegalFlowTransitionException;
import io.weatherstation.flow.domain.Schedule;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogLevel;
import io.weatherstation.journal.domain.LogSource;
import io.weatherstation.shared.domain.FlowId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One timer per running flow, no polling loop and no iteration cap. Fixed-rate schedules are
 * measured from the scheduled instant, not from when the last cycle ended; when the station
 * falls more than a period behind, the missed ticks are skipped and logged rather than run in a
 * burst. Every instance arms timers for every running flow; {@link TickClaims} lets exactly one
 * of them start each tick.
 */
public final class FlowScheduler {

    private static final Duration RUN_ONCE_RETRY = Duration.ofSeconds(1);

    private final FlowRepository flows;
    private final CycleLauncher launcher;
    private final TickClaims claims;
    private final CronCalendar cron;
    private final Timers timers;
    private final ExecutionJournalUseCase journal;
    private final Clock clock;
    private final Map<FlowId, Armed> armed = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();

    public FlowScheduler(FlowRepository flows, CycleLauncher launcher, TickClaims claims, CronCalendar cron,
            Timers timers, ExecutionJournalUseCase journal, Clock clock) {
        this.flows = flows;
        this.launcher = launcher;
        this.claims = claims;
        this.cron = cron;
        this.timers = timers;
        this.journal = journal;
        this.clock = clock;
    }

    /** Arms the flow's timer with its first tick at {@code firstTick}; replaces an earlier timer. */
    public void schedule(FlowId flowId, Schedule schedule, Instant firstTick) {
        long generation = generations.incrementAndGet();
        Armed previous = armed.put(flowId, new Armed(generation, schedule, null));
        if (previous != null && previous.timer() != null) {
            previous.timer().cancel();
        }
        arm(flowId, generation, schedule, firstTick);
    }

    /**
     * The definition of a running flow was replaced. An unchanged schedule keeps its armed tick,
     * so replacing a definition never delays the next cycle (an editor saving every few seconds
     * would otherwise keep pushing it away); a changed schedule is re-armed from {@code now}.
     */
    public void reschedule(FlowId flowId, Schedule schedule, Instant now) {
        Armed current = armed.get(flowId);
        if (current != null && current.schedule().equals(schedule)) {
            return;
        }
        Optional<Instant> next = nextTickAfter(schedule, now);
        if (next.isPresent()) {
            schedule(flowId, schedule, next.get());
        } else {
            cancel(flowId);
        }
    }

    /** The first tick of {@code schedule} after {@code now}, for a flow that is already running. */
    public Optional<Instant> nextTickAfter(Schedule schedule, Instant now) {
        return Optional.ofNullable(next(schedule, now));
    }

    public void cancel(FlowId flowId) {
        Armed previous = armed.remove(flowId);
        if (previous != null && previous.timer() != null) {
            previous.timer().cancel();
        }
    }

    public boolean isArmed(FlowId flowId) {
        return armed.containsKey(flowId);
    }

    private void arm(FlowId flowId, long generation, Schedule schedule, Instant at) {
        Timers.Cancellable timer = timers.at(at, () -> fire(flowId, generation, schedule, at));
        Armed current = armed.computeIfPresent(flowId,
                (id, a) -> a.generation() == generation ? new Armed(generation, schedule, timer) : a);
        if (current == null || current.generation() != generation) {
            timer.cancel();
        }
    }

    /**
     * Starts the tick's cycle first (when this instance claims the tick), then records and arms
     * the next tick: the cycle's start lag is not spent on bookkeeping. The flow is not read here:
     * the launcher skips a flow that is no longer running, and checks the status again in the
     * same atomic step that takes the cycle number; recording the next tick then finds the flow
     * stopped or gone, and the schedule is disarmed.
     */
    private void fire(FlowId flowId, long generation, Schedule schedule, Instant scheduledAt) {
        Armed current = armed.get(flowId);
        if (current == null || current.generation() != generation) {
            return;
        }
        boolean claimed = claims.claim(flowId, scheduledAt);
        boolean refused = claimed && launcher.launch(flowId, scheduledAt, CycleLauncher.Trigger.SCHEDULE).isEmpty();
        Instant next = next(schedule, scheduledAt);
        if (next != null) {
            Instant now = clock.instant();
            long missed = 0;
            while (!next.isAfter(now.minus(toleranceOf(schedule)))) {
                Instant following = next(schedule, next);
                if (following == null) {
                    break;
                }
                next = following;
                missed++;
            }
            if (missed > 0) {
                log(flowId, LogLevel.WARNING, missed + " tick(s) missed: the station fell behind the schedule");
            }
            Instant nextTick = next;
            boolean stillThere;
            try {
                stillThere = flows.update(flowId, flow -> {
                    flow.scheduleNext(nextTick);
                    return true;
                }).orElse(false);
            } catch (IllegalFlowTransitionException stopped) {
                stillThere = false;
            }
            if (!stillThere) {
                armed.remove(flowId, current);
                return;
            }
            arm(flowId, generation, schedule, nextTick);
        } else {
            armed.remove(flowId, current);
            if (refused && !schedule.periodic()) {
                deferRunOnce(flowId, generation, schedule);
            }
        }
    }

    /**
     * A run-once flow's only tick was refused (e.g. a manual cycle still runs and
     * {@code max_concurrent_cycles} is reached): try again shortly instead of leaving the flow
     * {@code running} with nothing scheduled.
     */
    private void deferRunOnce(FlowId flowId, long generation, Schedule schedule) {
        Instant retryAt = clock.instant().plus(RUN_ONCE_RETRY);
        try {
            boolean running = flows.update(flowId, flow -> {
                flow.scheduleNext(retryAt);
                return true;
            }).orElse(false);
            if (!running) {
                return;
            }
        } catch (IllegalFlowTransitionException stoppedMeanwhile) {
            return;
        }
        if (armed.putIfAbsent(flowId, new Armed(generation, schedule, null)) == null) {
            log(flowId, LogLevel.INFO, "run-once cycle deferred to " + retryAt);
            arm(flowId, generation, schedule, retryAt);
        }
    }

    private static Duration toleranceOf(Schedule schedule) {
        return schedule instanceof Schedule.FixedRate rate ? rate.period() : Duration.ZERO;
    }

    private @Nullable Instant next(Schedule schedule, Instant after) {
        return switch (schedule) {
            case Schedule.Once once -> null;
            case Schedule.FixedRate rate -> after.plus(rate.period());
            case Schedule.Cron expression -> cron.nextAfter(expression.expression(), after).orElse(null);
        };
    }

    private void log(FlowId flowId, LogLevel level, String message) {
        journal.log(new LogEntry(flowId, -1, null, level, LogSource.SCHEDULER, message, Map.of(), clock.instant()));
    }

    private record Armed(long generation, Schedule schedule, Timers.@Nullable Cancellable timer) {
    }
}
