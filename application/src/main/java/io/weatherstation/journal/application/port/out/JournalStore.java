package io.weatherstation.journal.application.port.out;

import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.FlowId;
import java.util.List;

/** Durable (or in-memory) storage of journal entries, written in batches. */
public interface JournalStore {

    /** Writes a batch; throws when the store is unavailable so the caller can retry. */
    void append(List<LogEntry> logs, List<SignalRecord> signals);

    Page<LogEntry> logs(LogQuery query);

    Page<SignalRecord> signals(FlowId flowId, long cycle, int limit, int offset);

    void deleteFlow(FlowId flowId);

    /** Keeps the last {@code cyclesToKeep} cycles of every flow; returns how many entries went. */
    long applyRetention(int cyclesToKeep);
}
