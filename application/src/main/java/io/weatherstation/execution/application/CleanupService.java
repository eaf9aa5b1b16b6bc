package io.weatherstation.execution.application;

import io.weatherstation.execution.application.port.in.RunCleanupUseCase;
import io.weatherstation.execution.application.port.out.StateCleanup;
import io.weatherstation.journal.application.port.in.ExecutionJournalUseCase;

/** Housekeeping: state the store does not expire by itself, and journal retention. */
public final class CleanupService implements RunCleanupUseCase {

    private final StateCleanup state;
    private final ExecutionJournalUseCase journal;
    private final int retainedCycles;

    public CleanupService(StateCleanup state, ExecutionJournalUseCase journal, int retainedCycles) {
        this.state = state;
        this.journal = journal;
        this.retainedCycles = retainedCycles;
    }

    @Override
    public CleanupReport cleanUp() {
        StateCleanup.Report report = state.clean();
        long journalRemoved = journal.applyRetention(retainedCycles);
        return new CleanupReport(report.expiredTaskIds(), report.deadWorkerTaskLists(), report.trimmedCycles(),
                report.expiredFlags(), journalRemoved);
    }
}
