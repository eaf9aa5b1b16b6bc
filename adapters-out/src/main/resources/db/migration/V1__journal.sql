-- The execution journal (SPEC §9, ADR 0008): every log line and every signal sent, per flow and
-- cycle. Written in batches by JournalService; trimmed by retention to the last N cycles per flow.
-- Unqualified names: the connection's search_path (Flyway's default schema) decides the schema.

create table flow_execution_log (
    id           bigserial     primary key,
    flow_id      varchar(128)  not null,
    -- -1: outside any cycle (flow lifecycle, partial runs)
    cycle        bigint        not null,
    -- null: a scheduler or system line. Byte-order collation, so sorting by node matches the
    -- in-memory journal whatever the database's default collation is.
    node_id      varchar(128)  collate "C",
    log_level    varchar(16)   not null default 'INFO',
    log_source   varchar(16)   not null default 'node',
    message      text          not null,
    log_metadata jsonb,
    created_at   timestamptz   not null default now(),
    constraint flow_execution_log_level_check check (log_level in ('DEBUG', 'INFO', 'WARNING', 'ERROR')),
    constraint flow_execution_log_source_check check (log_source in ('scheduler', 'node', 'system', 'user'))
);

-- A cycle's lines in time order (the common read), retention by cycle, deletion by flow.
create index flow_execution_log_flow_cycle_idx on flow_execution_log (flow_id, cycle, created_at);
-- One node's lines, across cycles or in one cycle.
create index flow_execution_log_flow_node_idx on flow_execution_log (flow_id, node_id, cycle);
-- A flow's lines newest first, across cycles.
create index flow_execution_log_flow_time_idx on flow_execution_log (flow_id, created_at);
-- Retention of the lines outside any cycle, which are kept for a time rather than by cycle.
create index flow_execution_log_outside_cycle_idx on flow_execution_log (created_at) where cycle = -1;

create table flow_execution_signal (
    id            bigserial     primary key,
    flow_id       varchar(128)  not null,
    cycle         bigint        not null,
    component_id  integer       not null,
    source_node   varchar(128)  not null,
    source_handle varchar(128)  not null,
    target_node   varchar(128)  not null,
    -- '*' for a wildcard send
    target_handle varchar(128)  not null,
    signal_type   varchar(128)  not null,
    payload       jsonb         not null default '{}',
    created_at    timestamptz   not null default now()
);

-- A cycle's signals in time order, retention by cycle, deletion by flow.
create index flow_execution_signal_flow_cycle_idx on flow_execution_signal (flow_id, cycle, created_at);
-- What one node sent or received.
create index flow_execution_signal_flow_source_idx on flow_execution_signal (flow_id, source_node, cycle);
create index flow_execution_signal_flow_target_idx on flow_execution_signal (flow_id, target_node, cycle);
create index flow_execution_signal_outside_cycle_idx on flow_execution_signal (created_at) where cycle = -1;
