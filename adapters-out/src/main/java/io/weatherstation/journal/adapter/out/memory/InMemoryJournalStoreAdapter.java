package io.weatherstation.journal.adapter.out.memory;

import io.weatherstation.journal.application.port.out.JournalStore;
import io.weatherstation.journal.domain.LogEntry;
import io.weatherstation.journal.domain.LogQuery;
import io.weatherstation.journal.domain.Page;
import io.weatherstation.journal.domain.SignalRecord;
import io.weatherstation.shared.domain.FlowId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Journal entries kept in memory per flow and cycle. Memory stays bounded: only the last
 * {@code retentionCycles} cycles of each flow are kept (older ones are dropped as new ones
 * arrive), and lines outside any cycle are capped.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "embedded", matchIfMissing = true)
final class InMemoryJournalStoreAdapter implements JournalStore {

    private static final int MAX_FLOW_LEVEL_LINES = 1_000;

    private final int retentionCycles;
    private final Map<FlowId, FlowJournal> flows = new ConcurrentHashMap<>();

    InMemoryJournalStoreAdapter(@Value("${station.journal.retention-cycles:100}") int retentionCycles) {
        if (retentionCycles < 1) {
            throw new IllegalArgumentException("retention must keep at least one cycle");
        }
        this.retentionCycles = retentionCycles;
    }

    @Override
    public void append(List<LogEntry> logs, List<SignalRecord> signals) {
        for (LogEntry entry : logs) {
            flows.computeIfAbsent(entry.flowId(), id -> new FlowJournal()).add(entry, retentionCycles);
        }
        for (SignalRecord record : signals) {
            flows.computeIfAbsent(record.flowId(), id -> new FlowJournal()).add(record, retentionCycles);
        }
    }

    @Override
    public Page<LogEntry> logs(LogQuery query) {
        FlowJournal journal = flows.get(query.flowId());
        if (journal == null) {
            return new Page<>(List.of(), 0, query.limit(), query.offset());
        }
        List<LogEntry> matching = journal.logs(query.cycle()).stream()
                .filter(e -> query.nodeId() == null
                        || (LogQuery.SYSTEM_NODE.equals(query.nodeId())
                                ? e.nodeId() == null
                                : e.nodeId() != null && e.nodeId().value().equals(query.nodeId())))
                .filter(e -> query.level() == null || e.level() == query.level())
                .filter(e -> query.source() == null || e.source() == query.source())
                .sorted(order(query))
                .collect(Collectors.toCollection(ArrayList::new));
        if (query.descending()) {
            // The exact reverse of the ascending order, ties included (newest insertion first).
            Collections.reverse(matching);
        }
        return page(matching, query.limit(), query.offset());
    }

    /** Ascending: the sort key, then time, then insertion order (the sort is stable). */
    private static Comparator<LogEntry> order(LogQuery query) {
        Comparator<LogEntry> byTime = Comparator.comparing(LogEntry::createdAt);
        Comparator<LogEntry> primary = switch (query.orderBy()) {
            case CREATED_AT -> byTime;
            case LOG_LEVEL -> Comparator.comparing(LogEntry::level);
            case CYCLE -> Comparator.comparingLong(LogEntry::cycle);
            case NODE_ID -> Comparator.comparing(e -> e.nodeId() == null ? "" : e.nodeId().value());
            case LOG_SOURCE -> Comparator.comparing(e -> e.source().code());
        };
        return primary.thenComparing(byTime);
    }

    @Override
    public Page<SignalRecord> signals(FlowId flowId, long cycle, int limit, int offset) {
        FlowJournal journal = flows.get(flowId);
        return page(journal == null ? List.of() : journal.signals(cycle), limit, offset);
    }

    @Override
    public void deleteFlow(FlowId flowId) {
        flows.remove(flowId);
    }

    @Override
    public long applyRetention(int cyclesToKeep) {
        long removed = 0;
        for (FlowJournal journal : flows.values()) {
            removed += journal.trim(cyclesToKeep);
        }
        return removed;
    }

    private static <T> Page<T> page(List<T> all, int limit, int offset) {
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), offset + limit));
        return new Page<>(items, all.size(), limit, offset);
    }

    /** One flow's entries; guarded by its own monitor. */
    private static final class FlowJournal {
        private final NavigableMap<Long, CycleJournal> cycles = new TreeMap<>();
        private final Deque<LogEntry> flowLevel = new ArrayDeque<>();
        private final Deque<SignalRecord> flowLevelSignals = new ArrayDeque<>();

        synchronized void add(LogEntry entry, int retention) {
            if (entry.cycle() < 0) {
                flowLevel.addLast(entry);
                if (flowLevel.size() > MAX_FLOW_LEVEL_LINES) {
                    flowLevel.removeFirst();
                }
                return;
            }
            CycleJournal cycle = cycle(entry.cycle(), retention);
            if (cycle != null) {
                cycle.logs.add(entry);
            }
        }

        synchronized void add(SignalRecord record, int retention) {
            if (record.cycle() < 0) {
                flowLevelSignals.addLast(record);
                if (flowLevelSignals.size() > MAX_FLOW_LEVEL_LINES) {
                    flowLevelSignals.removeFirst();
                }
                return;
            }
            CycleJournal cycle = cycle(record.cycle(), retention);
            if (cycle != null) {
                cycle.signals.add(record);
            }
        }

        /** The cycle's journal, or null when the cycle is already older than what is retained. */
        private CycleJournal cycle(long number, int retention) {
            CycleJournal existing = cycles.get(number);
            if (existing != null) {
                return existing;
            }
            if (cycles.size() >= retention && number < cycles.firstKey()) {
                return null;
            }
            CycleJournal created = new CycleJournal();
            cycles.put(number, created);
            trim(retention);
            return created;
        }

        synchronized long trim(int retention) {
            long removed = 0;
            while (cycles.size() > retention) {
                CycleJournal dropped = cycles.pollFirstEntry().getValue();
                removed += dropped.logs.size() + dropped.signals.size();
            }
            return removed;
        }

        synchronized List<LogEntry> logs(Long cycle) {
            if (cycle != null && cycle < 0) {
                return List.copyOf(flowLevel);
            }
            if (cycle != null) {
                CycleJournal journal = cycles.get(cycle);
                return journal == null ? List.of() : List.copyOf(journal.logs);
            }
            List<LogEntry> all = new ArrayList<>(flowLevel);
            cycles.values().forEach(c -> all.addAll(c.logs));
            return all;
        }

        synchronized List<SignalRecord> signals(long cycle) {
            List<SignalRecord> sent;
            if (cycle < 0) {
                sent = new ArrayList<>(flowLevelSignals);
            } else {
                CycleJournal journal = cycles.get(cycle);
                sent = journal == null ? new ArrayList<>() : new ArrayList<>(journal.signals);
            }
            // Send order: by time, ties in insertion order (the sort is stable).
            sent.sort(Comparator.comparing(SignalRecord::createdAt));
            return sent;
        }
    }

    private static final class CycleJournal {
        final List<LogEntry> logs = new ArrayList<>();
        final List<SignalRecord> signals = new ArrayList<>();
    }

}
