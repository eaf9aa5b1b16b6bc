package io.weatherstation.execution.application;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.catalog.application.NodeRegistry.RegisteredNodeType;
import io.weatherstation.catalog.application.NodeTypeNotFoundException;
import io.weatherstation.catalog.application.spi.NodeResult;
import io.weatherstation.catalog.domain.InputHandleSpec;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.execution.application.port.in.ExecuteNodeUseCase;
import io.weatherstation.execution.application.port.in.InvalidNodeConfigException;
import io.weatherstation.flow.domain.CronSyntax;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.flow.domain.InvalidFlowDefinitionException;
import io.weatherstation.flow.domain.NodeDefinition;
import io.weatherstation.flow.domain.ProblemCodes;
import io.weatherstation.flow.domain.ValidationProblem;
import io.weatherstation.flow.domain.WeatherSyntax;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Runs one node in isolation. The configuration goes through the same Weather Syntax reader as a
 * registered flow — a one-node document {@code {"nodes": [{"id": "node", "type": …, "config": …}]}}
 * — so defaults, coercion and bounds are exactly those of registration. Required inputs are not
 * enforced: there are no edges, the inputs are given directly.
 *
 * <p>The node runs on its own virtual thread; past its timeout the thread is interrupted and the
 * execution reported failed. The caller waits at most the timeout plus a short grace period.
 */
public final class ExecuteNodeService implements ExecuteNodeUseCase {

    static final String NODE_ID = "node";
    private static final String NODE_POINTER = "/nodes/0";
    /** How long an interrupted node gets to return before the execution is reported without it. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);

    private final NodeRegistry registry;
    private final NodeTypeCatalog inputsGiven;
    private final CronSyntax cron;
    private final FlowLimits limits;
    private final Clock clock;

    public ExecuteNodeService(NodeRegistry registry, CronSyntax cron, FlowLimits limits, Clock clock) {
        this.registry = registry;
        this.inputsGiven = new InputsGivenCatalog(registry);
        this.cron = cron;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public NodeExecution execute(ExecuteNodeCommand command) {
        return prepare(command).run();
    }

    /**
     * Checks the request and resolves the configuration without running anything, so a caller
     * that runs the node later (in the background) rejects a bad request at once.
     *
     * @throws NodeTypeNotFoundException  when the type is not registered
     * @throws InvalidNodeConfigException listing every problem with the request
     */
    public PreparedExecution prepare(ExecuteNodeCommand command) {
        RegisteredNodeType type = registry.registered(command.nodeType())
                .orElseThrow(() -> new NodeTypeNotFoundException(command.nodeType()));
        List<ValidationProblem> problems = new ArrayList<>();
        Map<String, Object> inputs = inputs(command.inputs(), problems);
        NodeDefinition node = resolve(command, problems);
        if (node == null || !problems.isEmpty()) {
            throw new InvalidNodeConfigException(command.nodeType(), problems);
        }
        return new PreparedExecution(type, node, inputs);
    }

    /** A checked request, ready to run (once or several times; each run is independent). */
    public final class PreparedExecution {

        private final RegisteredNodeType type;
        private final NodeDefinition node;
        private final Map<String, Object> inputs;

        private PreparedExecution(RegisteredNodeType type, NodeDefinition node, Map<String, Object> inputs) {
            this.type = type;
            this.node = node;
            this.inputs = inputs;
        }

        public String nodeType() {
            return type.descriptor().type();
        }

        /** Runs the node under its timeout on the calling thread's behalf; blocks until it ends. */
        public NodeExecution run() {
            return ExecuteNodeService.this.run(type, node, inputs);
        }
    }

    private @Nullable NodeDefinition resolve(ExecuteNodeCommand command, List<ValidationProblem> problems) {
        Map<String, @Nullable Object> node = new LinkedHashMap<>();
        node.put("id", NODE_ID);
        node.put("type", command.nodeType());
        if (command.config() != null) {
            node.put("config", command.config());
        }
        if (command.timeoutSeconds() != null) {
            node.put("timeout_seconds", command.timeoutSeconds());
        }
        Map<String, Object> document = Map.of("nodes", List.of(node));
        try {
            return WeatherSyntax.read(document, inputsGiven, cron, limits).nodes().getFirst();
        } catch (InvalidFlowDefinitionException e) {
            e.problems().stream().map(ExecuteNodeService::relocate).forEach(problems::add);
            return null;
        }
    }

    /** A pointer into the one-node document, as a pointer into the request ({@code /config/…}). */
    private static ValidationProblem relocate(ValidationProblem problem) {
        String pointer = problem.pointer();
        if (pointer.equals(NODE_POINTER) || pointer.startsWith(NODE_POINTER + "/")) {
            pointer = pointer.substring(NODE_POINTER.length());
        }
        return new ValidationProblem(pointer, problem.code(), problem.message());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inputs(@Nullable Object inputs, List<ValidationProblem> problems) {
        if (inputs == null) {
            return Map.of();
        }
        if (!(inputs instanceof Map<?, ?> map)) {
            problems.add(new ValidationProblem("/inputs", ProblemCodes.INVALID_TYPE,
                    "'inputs' must be an object with a value per input handle, got " + kind(inputs)));
            return Map.of();
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) map));
    }

    private NodeExecution run(RegisteredNodeType type, NodeDefinition node, Map<String, Object> inputs) {
        Duration timeout = node.timeout();
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        IsolatedNodeContext context = new IsolatedNodeContext(NODE_ID, type.descriptor().type(), node.config(), inputs,
                startedAt.plus(timeout), clock);
        AtomicReference<@Nullable NodeResult> result = new AtomicReference<>();
        AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
        Thread thread = Thread.ofVirtual().name("node-execution-" + type.descriptor().type()).start(() -> {
            try {
                result.set(type.node().execute(context));
            } catch (Throwable t) {
                error.set(t);
            }
        });
        String timedOut = null;
        try {
            if (!thread.join(timeout)) {
                timedOut = "timed out after " + describe(timeout);
                context.interrupted();
                thread.interrupt();
                thread.join(INTERRUPT_GRACE);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            timedOut = "the execution was interrupted";
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        String typeName = type.descriptor().type();
        if (timedOut != null) {
            return new NodeExecution(typeName, Outcome.FAILED, Map.of(), null, timedOut, context.logs(), startedAt, duration);
        }
        Throwable failure = error.get();
        if (failure != null) {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return new NodeExecution(typeName, Outcome.FAILED, Map.of(), null, message, context.logs(), startedAt, duration);
        }
        NodeResult returned = result.get();
        if (returned == null) {
            return new NodeExecution(typeName, Outcome.FAILED, Map.of(), null, "the node returned no result",
                    context.logs(), startedAt, duration);
        }
        if (returned.stopsExecution()) {
            return new NodeExecution(typeName, Outcome.STOPPED, Map.of(), returned.stopReason(), null, context.logs(),
                    startedAt, duration);
        }
        return new NodeExecution(typeName, Outcome.COMPLETED, returned.outputs(), null, null, context.logs(), startedAt,
                duration);
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String kind(Object value) {
        return switch (value) {
            case List<?> l -> "an array";
            case String s -> "a string";
            case Number n -> "a number";
            case Boolean b -> "a boolean";
            default -> value.getClass().getSimpleName();
        };
    }

    /** The catalog with every input optional: an isolated node gets its inputs directly, not over edges. */
    private record InputsGivenCatalog(NodeTypeCatalog catalog) implements NodeTypeCatalog {

        @Override
        public Optional<NodeTypeDescriptor> find(String type) {
            return catalog.find(type).map(InputsGivenCatalog::withOptionalInputs);
        }

        @Override
        public Collection<NodeTypeDescriptor> all() {
            return catalog.all().stream().map(InputsGivenCatalog::withOptionalInputs).toList();
        }

        private static NodeTypeDescriptor withOptionalInputs(NodeTypeDescriptor type) {
            List<InputHandleSpec> inputs = type.inputs().stream()
                    .map(i -> new InputHandleSpec(i.name(), i.signalType(), false, i.aggregate(), i.description()))
                    .toList();
            return new NodeTypeDescriptor(type.type(), type.version(), type.category(), type.description(), inputs,
                    type.outputs(), type.parameters());
        }
    }
}
