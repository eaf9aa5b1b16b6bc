package io.weatherstation.journal.application.port.in;

import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.FlowId;

/**
 * Records execution log lines and sent signals, and serves them back. Recording never blocks a
 * flow and never throws: entries are buffered and written in batches.
 */
public interface ExecutionJournalUseCase {

    void log(LogEntry entry);

    void signal(SignalRecord record);

    Page<LogEntry> logs(LogQuery query);

    Page<SignalRecord> signals(FlowId flowId, long cycle, int limit, int offset);

    /** Drops everything about a flow (the flow was deleted). */
    void forget(FlowId flowId);

    /** Keeps the last {@code cyclesToKeep} cycles of every flow; returns how many entries went. */
    long applyRetention(int cyclesToKeep);
}
