package io.weatherstation.execution.application.port.in;

/** Runs the housekeeping pass now (it also runs hourly). */
public interface RunCleanupUseCase {

    CleanupReport cleanUp();

    /** What the pass removed from the state store and the journal. */
    record CleanupReport(long expiredTaskIds, long deadWorkerTaskLists, long trimmedCycles, long expiredFlags,
            long journalEntriesRemoved) {
    }
}
