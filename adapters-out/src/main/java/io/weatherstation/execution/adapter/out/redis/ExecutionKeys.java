package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import io.weatherstation.shared.domain.NodeTaskId;
import io.weatherstation.shared.domain.WorkerId;
import java.time.Duration;

/** The execution slice's keys and their lifetimes (SPEC §8, ADR 0009), behind the configured prefix. */
final class ExecutionKeys {

    static final Duration CYCLE_TTL = Duration.ofDays(7);
    static final Duration STOP_TTL = Duration.ofHours(1);
    static final Duration TASK_TTL = Duration.ofHours(24);
    static final Duration TERMINATE_TTL = Duration.ofHours(1);

    private final RedisKeyspace keys;

    ExecutionKeys(RedisKeyspace keys) {
        this.keys = keys;
    }

    RedisKeyspace keyspace() {
        return keys;
    }

    /** {@code flow:{flow_id}:cycle:{cycle}} hash. */
    String cycle(FlowId flow, CycleNumber cycle) {
        return keys.key(cycleBase(flow, cycle));
    }

    /** What {@link #cycle} puts before the cycle number (for scripts that build cycle keys). */
    String cycleKeyPrefix(FlowId flow) {
        return keys.key("flow:" + flow.value() + ":cycle:");
    }

    /** {@code flow:{flow_id}:cycle:{cycle}:nodes} set. */
    String nodes(FlowId flow, CycleNumber cycle) {
        return keys.key(cycleBase(flow, cycle) + ":nodes");
    }

    /** {@code flow:{flow_id}:cycle:{cycle}:finished} set: nodes whose task reached a terminal status. */
    String finished(FlowId flow, CycleNumber cycle) {
        return keys.key(cycleBase(flow, cycle) + ":finished");
    }

    /** {@code flow:{flow_id}:cycle:{cycle}:component:{component_id}:stop} = "1". */
    String componentStop(FlowId flow, CycleNumber cycle, ComponentId component) {
        return keys.key(cycleBase(flow, cycle) + ":component:" + component.value() + ":stop");
    }

    /** {@code flow:{flow_id}:cycle:{cycle}:inbox:{node_id}} hash of arrivals. */
    String inbox(FlowId flow, CycleNumber cycle, NodeId node) {
        return keys.key(cycleBase(flow, cycle) + ":inbox:" + node.value());
    }

    /** {@code flow:{flow_id}:cycle:{cycle}:setup} hash: the definition the cycle runs on. */
    String setup(FlowId flow, CycleNumber cycle) {
        return keys.key(cycleBase(flow, cycle) + ":setup");
    }

    /** {@code flow:{flow_id}:cycles} sorted set of retained cycle numbers. */
    String cycles(FlowId flow) {
        return keys.key("flow:" + flow.value() + ":cycles");
    }

    /** {@code flow:{flow_id}:cycles:running} set of the numbers of running cycles. */
    String running(FlowId flow) {
        return keys.key("flow:" + flow.value() + ":cycles:running");
    }

    /** SCAN pattern for every cycle-scoped key of a flow (and the two cycle indexes). */
    String flowCyclesPattern(FlowId flow) {
        return keys.key("flow:" + flow.value() + ":cycle*");
    }

    /** {@code node_tasks:{node_task_id}} JSON string. */
    String task(NodeTaskId task) {
        return keys.key("node_tasks:" + task.display());
    }

    /** {@code trading_flow:node:{node_task_id}} hash (status, updated_at, error_message). */
    String taskState(NodeTaskId task) {
        return keys.key("trading_flow:node:" + task.display());
    }

    /** {@code trading_flow:node:{node_task_id}:terminate} JSON string. */
    String terminate(NodeTaskId task) {
        return keys.key("trading_flow:node:" + task.display() + ":terminate");
    }

    /**
     * A SCAN pattern matching the termination flags of the flow's tasks — and possibly of other
     * flows whose id starts with this one and {@code _}: callers check the flow id stored in the flag.
     */
    String terminatePattern(FlowId flowId) {
        return keys.key("trading_flow:node:" + flowId.value() + "_*:terminate").replace("[", "\\[");
    }

    String taskByDisplay(String displayId) {
        return keys.key("node_tasks:" + displayId);
    }

    /** {@code node_tasks_list} set of node task ids. */
    String taskList() {
        return keys.key("node_tasks_list");
    }

    /** {@code worker_tasks:{worker_id}} set of node task ids. */
    String workerTasks(WorkerId worker) {
        return keys.key("worker_tasks:" + worker.value());
    }

    String workerTasksPattern() {
        return keys.key("worker_tasks:*");
    }

    /** {@code workers:{worker_id}}, owned by the worker registry; read here by the clean-up only. */
    String worker(String workerId) {
        return keys.key("workers:" + workerId);
    }

    /** {@code flows} sorted set, owned by the flow repository; read here by the clean-up only. */
    String flows() {
        return keys.key("flows");
    }

    /** {@code {prefix}station:terminations} pub/sub channel. */
    String terminationChannel() {
        return keys.key("station:terminations");
    }

    private static String cycleBase(FlowId flow, CycleNumber cycle) {
        return "flow:" + flow.value() + ":cycle:" + cycle.value();
    }
}
