package io.weatherstation.execution.application.port.in;

import io.weatherstation.execution.application.port.in.QueryPartialRunsUseCase.PartialRunDetails;
import io.weatherstation.execution.domain.PartialRunId;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.PartialRunMode;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.NodeId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs part of a registered flow around a trigger node (SPEC §10, failure mode 10): the trigger
 * alone ({@code single}), with everything upstream or downstream of it, or its whole component.
 *
 * <p>A partial run has its own id and runs as a cycle in a separate numbering namespace (ADR
 * 0011): it never changes the flow's {@code last_cycle}, stored definition, status or schedule,
 * runs beside the flow's own cycles and other partial runs without colliding with them, and is
 * queried like any cycle (status, node tasks, logs, signals) through
 * {@link QueryPartialRunsUseCase}.
 *
 * <p>Boundary handles — inputs of a selected node fed by a node left out — take the supplied
 * values; a required boundary handle without one is an error, an optional one is left empty.
 */
public interface PartialRunUseCase {

    /**
     * The nodes a partial run would run, in topological order, and its boundary handles.
     *
     * @throws io.weatherstation.flow.application.port.in.FlowNotFoundException when there is no such flow
     * @throws InvalidPartialRunException when the trigger node is not part of the flow
     */
    PartialRunPreview preview(PreviewPartialRunCommand command);

    /**
     * Starts a partial run; its tasks are dispatched like any other (over the broker in the
     * distributed mode).
     *
     * @return the run just started
     * @throws io.weatherstation.flow.application.port.in.FlowNotFoundException when there is no such flow
     * @throws InvalidPartialRunException with every problem of the request (unknown trigger node,
     *                                    a required boundary handle without a value, a value for a
     *                                    handle that is not a boundary handle…); nothing started
     */
    PartialRunDetails start(StartPartialRunCommand command);

    /**
     * Terminates the unfinished tasks of a running partial run (it ends {@code terminated}); a
     * finished one is returned unchanged.
     *
     * @throws io.weatherstation.flow.application.port.in.FlowNotFoundException when there is no such flow
     * @throws PartialRunNotFoundException when the flow has no such partial run
     */
    PartialRunDetails cancel(FlowId flowId, PartialRunId runId, String reason);

    /**
     * @param definition a definition to run instead of the stored one (validated by the caller,
     *                   e.g. the editor's unsaved graph); never stored. Null for the stored one.
     */
    record PreviewPartialRunCommand(FlowId flowId, NodeId trigger, PartialRunMode mode,
            @Nullable FlowDefinition definition) {

        public PreviewPartialRunCommand {
            Objects.requireNonNull(flowId, "flowId");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(mode, "mode");
        }

        public PreviewPartialRunCommand(FlowId flowId, NodeId trigger, PartialRunMode mode) {
            this(flowId, trigger, mode, null);
        }
    }

    /**
     * @param inputs     values for boundary handles
     * @param definition a definition to run instead of the stored one (validated by the caller);
     *                   never stored. Null for the stored one.
     */
    record StartPartialRunCommand(FlowId flowId, NodeId trigger, PartialRunMode mode, List<Input> inputs,
            @Nullable FlowDefinition definition) {

        public StartPartialRunCommand {
            Objects.requireNonNull(flowId, "flowId");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(mode, "mode");
            inputs = List.copyOf(inputs);
        }

        public StartPartialRunCommand(FlowId flowId, NodeId trigger, PartialRunMode mode, List<Input> inputs) {
            this(flowId, trigger, mode, inputs, null);
        }
    }

    /**
     * A value for one boundary handle: delivered to the node as the payload of a signal on that
     * handle. A JSON object is the payload itself; any other value is wrapped as
     * {@code {"value": …}}, as the engine wraps a node's non-object outputs.
     */
    record Input(NodeId node, HandleName handle, @Nullable Object value) {

        public Input {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(handle, "handle");
        }
    }

    /**
     * @param nodes           the nodes that would run, in topological order
     * @param boundaryHandles inputs of those nodes fed by nodes left out
     */
    record PartialRunPreview(FlowId flowId, NodeId trigger, PartialRunMode mode, List<NodeId> nodes,
            List<BoundaryHandle> boundaryHandles) {

        public PartialRunPreview {
            nodes = List.copyOf(nodes);
            boundaryHandles = List.copyOf(boundaryHandles);
        }
    }

    /**
     * An input handle of a selected node fed (at least partly) by nodes the run leaves out.
     *
     * @param required      whether the node type requires it: a partial run then needs a value
     * @param upstreamNodes the left-out nodes feeding it, in definition order
     */
    record BoundaryHandle(NodeId node, HandleName handle, boolean required, List<NodeId> upstreamNodes) {

        public BoundaryHandle {
            upstreamNodes = List.copyOf(upstreamNodes);
        }
    }
}
