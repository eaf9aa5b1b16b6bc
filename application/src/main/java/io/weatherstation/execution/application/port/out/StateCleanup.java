package io.weatherstation.execution.application.port.out;

/**
 * Housekeeping of run-time state that expiry alone does not cover: ids of expired tasks left in
 * index sets, task lists of workers that are gone, cycle indexes beyond the retained window.
 */
public interface StateCleanup {

    Report clean();

    /** What one pass removed. */
    record Report(long expiredTaskIds, long deadWorkerTaskLists, long trimmedCycles, long expiredFlags) {
    }
}
