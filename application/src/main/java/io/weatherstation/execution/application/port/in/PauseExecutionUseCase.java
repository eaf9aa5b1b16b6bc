package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.domain.NodeTask;
import io.weatherstation.execution.domain.Pause;
import io.weatherstation.execution.domain.PauseKind;
import io.weatherstation.execution.domain.PauseState;
import io.weatherstation.execution.domain.PauseTarget;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeTaskId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pauses and resumes a flow, one of its components or one of its nodes (SPEC §10, failure mode 9).
 *
 * <p>A paused flow starts no cycles: its scheduled ticks are skipped (and journaled) and a manual
 * cycle is refused; the ready tasks of its running cycles wait. A paused component or node holds
 * its ready tasks — in the flow's cycles and in partial runs — in status {@code paused}: they do
 * not time out (a task's timeout starts when it really starts) and are not lost; resuming runs
 * them (or skips them, when asked). Tasks already running when the pause comes finish normally.
 * Pauses are kept in the state store, so they survive a restart and hold on every instance.
 */
public interface PauseExecutionUseCase {

    /**
     * Pauses the target.
     *
     * @return the pause now in force
     * @throws io.weatherstation.flow.application.port.in.FlowNotFoundException when there is no such flow
     * @throws PauseTargetNotFoundException when the component or node is not part of the flow
     * @throws io.weatherstation.execution.domain.IllegalPauseTransitionException when it is paused already
     */
    Pause pause(PauseCommand command);

    /**
     * Resumes the target and releases the tasks it held (unless another pause still holds them,
     * e.g. the node's own pause when its component is resumed).
     *
     * @throws io.weatherstation.flow.application.port.in.FlowNotFoundException when there is no such flow
     * @throws PauseTargetNotFoundException when the component or node is not part of the flow
     * @throws io.weatherstation.execution.domain.IllegalPauseTransitionException when it is not paused
     * @throws InvalidResumeException when input data is given for anything but a node target, or
     *                                names a handle the node does not have
     */
    ResumeResult resume(ResumeCommand command);

    /**
     * Every pause in force on the flow and the tasks they hold.
     *
     * @throws io.weatherstation.flow.application.port.in.FlowNotFoundException when there is no such flow
     */
    FlowPauses pauses(FlowId flowId);

    /**
     * @param flowId  the flow
     * @param target  what to pause
     * @param kind    why (the original engine's {@code pause_type}); informational
     * @param reason  an operator's note, if any
     * @param context free-form JSON-like data kept with the pause and returned by queries (the
     *                original engine's {@code resume_context} and {@code input_request})
     */
    record PauseCommand(FlowId flowId, PauseTarget target, PauseKind kind, @Nullable String reason,
            Map<String, @Nullable Object> context) {

        public PauseCommand {
            Objects.requireNonNull(flowId, "flowId");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(kind, "kind");
            context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }

        /** A manual pause without note or context. */
        public static PauseCommand manual(FlowId flowId, PauseTarget target) {
            return new PauseCommand(flowId, target, PauseKind.MANUAL, null, Map.of());
        }
    }

    /**
     * @param flowId    the flow
     * @param target    what to resume
     * @param held      what happens to the tasks the pause held
     * @param inputData for a node target only: values (by input handle name) that replace or add
     *                  to the inputs of its held tasks, as signal payloads (the original engine's
     *                  {@code input_data}); empty for none
     */
    record ResumeCommand(FlowId flowId, PauseTarget target, HeldTasks held, Map<String, @Nullable Object> inputData) {

        public ResumeCommand {
            Objects.requireNonNull(flowId, "flowId");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(held, "held");
            inputData = Collections.unmodifiableMap(new LinkedHashMap<>(inputData));
        }

        /** Resume and run the held tasks. */
        public static ResumeCommand run(FlowId flowId, PauseTarget target) {
            return new ResumeCommand(flowId, target, HeldTasks.RUN, Map.of());
        }
    }

    /** What resuming does with the tasks a pause held. */
    enum HeldTasks {
        /** Run them now (the default). */
        RUN,
        /**
         * Skip them (the original engine's {@code skip_paused} / {@code skip_node}): they end
         * {@code skipped} and their downstream nodes are skipped as for a branch not taken.
         */
        SKIP
    }

    /**
     * @param flowId   the flow
     * @param resumed  the pause that ended
     * @param released tasks released to run
     * @param skipped  tasks skipped ({@link HeldTasks#SKIP})
     * @param stillHeld tasks this pause held that another pause still holds
     */
    record ResumeResult(FlowId flowId, Pause resumed, List<NodeTaskId> released, List<NodeTaskId> skipped,
            List<NodeTaskId> stillHeld) {

        public ResumeResult {
            released = List.copyOf(released);
            skipped = List.copyOf(skipped);
            stillHeld = List.copyOf(stillHeld);
        }
    }

    /**
     * @param state      every pause in force
     * @param heldTasks  tasks waiting in status {@code paused}, in any run of the flow
     */
    record FlowPauses(FlowId flowId, PauseState state, List<NodeTask> heldTasks) {

        public FlowPauses {
            heldTasks = List.copyOf(heldTasks);
        }
    }
}
