package io.weatherstation.flow.domain;

import static io.weatherstation.flow.domain.JsonPointer.append;

import io.weatherstation.catalog.domain.InputHandleSpec;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.catalog.domain.OutputHandleSpec;
import io.weatherstation.catalog.domain.ParameterSpec;
import io.weatherstation.shared.domain.HandleName;
import io.weatherstation.shared.domain.Identifier;
import io.weatherstation.shared.domain.NodeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One pass over one submitted document: reads it into a {@link FlowDefinition} while collecting
 * every problem. Single use; not thread-safe.
 *
 * <p>Checks that depend on something already reported are skipped rather than reported twice:
 * the catalog checks of a node whose type is unknown, the handle checks of an edge whose node is
 * unknown, the required-input check when {@code edges} itself is unreadable.
 */
final class DefinitionReader {

    private static final Set<String> FLOW_FIELDS =
            Set.of("name", "interval", "cycle_interval", "cron", "max_concurrent_cycles", "nodes", "edges");
    private static final Set<String> NODE_FIELDS = Set.of("id", "type", "config", "retry", "timeout_seconds");
    private static final Set<String> EDGE_FIELDS =
            Set.of("source", "target", "source_handle", "sourceHandle", "target_handle", "targetHandle");
    private static final BigDecimal MAX_BACKOFF_SECONDS = BigDecimal.valueOf(3600);
    private static final int KNOWN_TYPES_IN_MESSAGE = 20;

    private final NodeTypeCatalog catalog;
    private final CronSyntax cronSyntax;
    private final FlowLimits limits;
    private final List<ValidationProblem> problems = new ArrayList<>();
    /** False when {@code nodes} itself is missing or not an array: edges then cannot name unknown nodes. */
    private boolean nodesReadable = true;

    DefinitionReader(NodeTypeCatalog catalog, CronSyntax cronSyntax, FlowLimits limits) {
        this.catalog = catalog;
        this.cronSyntax = cronSyntax;
        this.limits = limits;
    }

    /** What the reader learnt about one entry of {@code nodes}, for the checks that span nodes and edges. */
    private record NodeSlot(int index, String pointer, @Nullable String id, @Nullable NodeTypeDescriptor type) {
    }

    /** What the reader learnt about one entry of {@code edges}; null fields could not be read. */
    private record EdgeSlot(
            int index,
            String pointer,
            @Nullable NodeSlot source,
            @Nullable String sourceHandle,
            @Nullable NodeSlot target,
            @Nullable String targetHandle,
            @Nullable InputHandleSpec input) {

        boolean fullyResolved() {
            return source != null && sourceHandle != null && target != null && targetHandle != null;
        }
    }

    /** A field value together with where it sits in the document. */
    private record Located(@Nullable Object value, String pointer) {
    }

    FlowDefinition read(@Nullable Object document) {
        if (!(document instanceof Map<?, ?> rawRoot)) {
            report(JsonPointer.ROOT, ProblemCodes.INVALID_TYPE,
                    "a flow definition is a JSON object, got " + JsonTrees.kind(document));
            throw new InvalidFlowDefinitionException(problems);
        }
        Map<String, @Nullable Object> root = JsonTrees.stringKeys(rawRoot);

        String name = readName(root);
        Schedule schedule = readSchedule(root);
        int maxConcurrentCycles = readMaxConcurrentCycles(root);

        List<?> nodeList = readNodeList(root);
        List<@Nullable NodeDefinition> nodes = new ArrayList<>();
        List<NodeSlot> nodeSlots = new ArrayList<>();
        Map<String, NodeSlot> nodesById = new HashMap<>();
        for (int i = 0; i < nodeList.size(); i++) {
            nodes.add(readNode(nodeList.get(i), i, nodeSlots, nodesById));
        }

        List<?> edgeList = readEdgeList(root);
        List<@Nullable EdgeDefinition> edges = new ArrayList<>();
        List<EdgeSlot> edgeSlots = new ArrayList<>();
        if (edgeList != null) {
            for (int i = 0; i < edgeList.size(); i++) {
                edges.add(readEdge(edgeList.get(i), i, nodesById, edgeSlots));
            }
            checkDuplicatesAndFanIn(edgeSlots);
            checkRequiredInputs(nodeSlots, edgeSlots);
        }
        checkCycles(nodeSlots, edgeSlots);

        if (!problems.isEmpty()) {
            throw new InvalidFlowDefinitionException(ProblemOrder.sort(document, problems));
        }
        Map<String, @Nullable Object> extras = new LinkedHashMap<>(root);
        extras.keySet().removeAll(FLOW_FIELDS);
        return new FlowDefinition(name, schedule, maxConcurrentCycles,
                nodes.stream().map(n -> Objects.requireNonNull(n)).toList(),
                edges.stream().map(e -> Objects.requireNonNull(e)).toList(),
                extras);
    }

    // ---------------------------------------------------------------- flow-level fields

    private @Nullable String readName(Map<String, @Nullable Object> root) {
        Object name = root.get("name");
        if (name == null || name instanceof String) {
            return (String) name;
        }
        report("/name", ProblemCodes.INVALID_TYPE, "'name' must be a string, got " + JsonTrees.kind(name));
        return null;
    }

    private Schedule readSchedule(Map<String, @Nullable Object> root) {
        Duration interval = readInterval(root, "interval");
        Duration cycleInterval = readInterval(root, "cycle_interval");
        if (interval != null && cycleInterval != null && !interval.equals(cycleInterval)) {
            report(laterOf(root, "interval", "cycle_interval"), ProblemCodes.CONFLICTING_FIELDS,
                    "'interval' (" + IntervalSyntax.describe(interval) + ") and 'cycle_interval' ("
                            + IntervalSyntax.describe(cycleInterval) + ") disagree; give one of them");
        }
        Duration effective = interval != null ? interval : cycleInterval;
        String intervalField = interval != null ? "interval" : "cycle_interval";

        String cron = null;
        Object rawCron = root.get("cron");
        if (rawCron != null) {
            if (!(rawCron instanceof String text)) {
                report("/cron", ProblemCodes.INVALID_TYPE, "'cron' must be a string, got " + JsonTrees.kind(rawCron));
            } else if (text.isBlank()) {
                report("/cron", ProblemCodes.INVALID_CRON, "'cron' must not be blank");
            } else {
                Optional<String> problem = cronSyntax.problemWith(text.strip());
                if (problem.isPresent()) {
                    report("/cron", ProblemCodes.INVALID_CRON,
                            "'" + text.strip() + "' is not a valid cron expression: " + problem.get());
                } else {
                    cron = text.strip();
                }
            }
            if (effective != null && !effective.isZero()) {
                report("/cron", ProblemCodes.CONFLICTING_FIELDS, "'cron' cannot be combined with a non-zero '"
                        + intervalField + "' (" + IntervalSyntax.describe(effective) + "); give one of them");
            }
        }

        if (cron != null) {
            return new Schedule.Cron(cron);
        }
        if (effective != null && !effective.isZero()) {
            return new Schedule.FixedRate(effective);
        }
        return Schedule.ONCE;
    }

    private @Nullable Duration readInterval(Map<String, @Nullable Object> root, String field) {
        Object value = root.get(field);
        if (value == null) {
            return null;
        }
        IntervalSyntax.Parsed parsed = IntervalSyntax.parse(value);
        if (parsed.problem() != null) {
            report("/" + field, ProblemCodes.INVALID_INTERVAL, "'" + field + "': " + parsed.problem());
        }
        return parsed.duration();
    }

    private int readMaxConcurrentCycles(Map<String, @Nullable Object> root) {
        Object value = root.get("max_concurrent_cycles");
        if (value == null) {
            return FlowDefinition.DEFAULT_MAX_CONCURRENT_CYCLES;
        }
        Long count = wholeNumber(value, "/max_concurrent_cycles", "'max_concurrent_cycles'", 1, Integer.MAX_VALUE);
        return count == null ? FlowDefinition.DEFAULT_MAX_CONCURRENT_CYCLES : count.intValue();
    }

    private List<?> readNodeList(Map<String, @Nullable Object> root) {
        Object nodes = root.get("nodes");
        if (nodes == null) {
            report("/nodes", ProblemCodes.REQUIRED, "'nodes' is required: a flow needs at least one node");
            nodesReadable = false;
            return List.of();
        }
        if (!(nodes instanceof List<?> list)) {
            report("/nodes", ProblemCodes.INVALID_TYPE, "'nodes' must be an array, got " + JsonTrees.kind(nodes));
            nodesReadable = false;
            return List.of();
        }
        if (list.isEmpty()) {
            report("/nodes", ProblemCodes.EMPTY, "'nodes' must not be empty: a flow needs at least one node");
        }
        if (list.size() > limits.maxNodes()) {
            report("/nodes", ProblemCodes.TOO_MANY_NODES,
                    "a flow may have at most " + limits.maxNodes() + " nodes, this one has " + list.size());
        }
        return list;
    }

    private @Nullable List<?> readEdgeList(Map<String, @Nullable Object> root) {
        Object edges = root.get("edges");
        if (edges == null) {
            return List.of();
        }
        if (!(edges instanceof List<?> list)) {
            report("/edges", ProblemCodes.INVALID_TYPE, "'edges' must be an array, got " + JsonTrees.kind(edges));
            return null;
        }
        if (list.size() > limits.maxEdges()) {
            report("/edges", ProblemCodes.TOO_MANY_EDGES,
                    "a flow may have at most " + limits.maxEdges() + " edges, this one has " + list.size());
        }
        return list;
    }

    // ---------------------------------------------------------------- nodes

    private @Nullable NodeDefinition readNode(
            @Nullable Object raw, int index, List<NodeSlot> slots, Map<String, NodeSlot> nodesById) {
        String pointer = append("/nodes", index);
        if (!(raw instanceof Map<?, ?> rawNode)) {
            report(pointer, ProblemCodes.INVALID_TYPE, "a node must be an object, got " + JsonTrees.kind(raw));
            slots.add(new NodeSlot(index, pointer, null, null));
            return null;
        }
        int problemsBefore = problems.size();
        Map<String, @Nullable Object> node = JsonTrees.stringKeys(rawNode);

        String id = identifier(node, "id", pointer, "node id");
        boolean firstWithId = false;
        if (id != null) {
            NodeSlot earlier = nodesById.get(id);
            if (earlier != null) {
                report(append(pointer, "id"), ProblemCodes.DUPLICATE_ID,
                        "node id '" + id + "' is already used by the node at " + earlier.pointer());
            } else {
                firstWithId = true;
            }
        }
        NodeTypeDescriptor descriptor = nodeType(node, pointer);
        NodeSlot slot = new NodeSlot(index, pointer, firstWithId ? id : null, descriptor);
        slots.add(slot);
        if (firstWithId) {
            nodesById.put(id, slot);
        }

        Map<String, @Nullable Object> config = readConfig(node, pointer, descriptor, id);
        RetryPolicy retry = readRetry(node.get("retry"), append(pointer, "retry"));
        Duration timeout = readTimeout(node.get("timeout_seconds"), append(pointer, "timeout_seconds"));

        if (problems.size() > problemsBefore || id == null || descriptor == null || config == null) {
            return null;
        }
        Map<String, @Nullable Object> extras = new LinkedHashMap<>(node);
        extras.keySet().removeAll(NODE_FIELDS);
        return new NodeDefinition(NodeId.of(id), descriptor.type(), config, retry, timeout, extras);
    }

    private @Nullable NodeTypeDescriptor nodeType(Map<String, @Nullable Object> node, String nodePointer) {
        String pointer = append(nodePointer, "type");
        Object type = node.get("type");
        if (type == null) {
            report(pointer, ProblemCodes.REQUIRED, "a node needs a 'type'");
            return null;
        }
        if (!(type instanceof String name)) {
            report(pointer, ProblemCodes.INVALID_TYPE, "a node's 'type' must be a string, got " + JsonTrees.kind(type));
            return null;
        }
        Optional<NodeTypeDescriptor> descriptor = catalog.find(name);
        if (descriptor.isEmpty()) {
            report(pointer, ProblemCodes.UNKNOWN_NODE_TYPE,
                    "node type " + JsonTrees.show(name) + " is not registered; known types: " + knownTypes());
            return null;
        }
        return descriptor.get();
    }

    private String knownTypes() {
        List<String> types = catalog.all().stream().map(NodeTypeDescriptor::type).sorted().toList();
        if (types.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", types.subList(0, Math.min(types.size(), KNOWN_TYPES_IN_MESSAGE)));
        return types.size() > KNOWN_TYPES_IN_MESSAGE ? shown + " and " + (types.size() - KNOWN_TYPES_IN_MESSAGE) + " more" : shown;
    }

    /**
     * The node's resolved parameters, or null when they could not be read. Parameters come from
     * {@code config}, or from the editor's {@code data.inputs[].value} when {@code config} is absent.
     */
    private @Nullable Map<String, @Nullable Object> readConfig(
            Map<String, @Nullable Object> node, String nodePointer, @Nullable NodeTypeDescriptor type, @Nullable String id) {
        Map<String, Located> given = node.get("config") != null
                ? configObject(node.get("config"), append(nodePointer, "config"))
                : editorInputs(node, nodePointer);
        if (given == null) {
            return null;
        }
        if (type == null) {
            // Unknown type: nothing to check the parameters against (already reported).
            return null;
        }
        Map<String, @Nullable Object> resolved = new LinkedHashMap<>();
        boolean valid = true;
        for (Map.Entry<String, Located> entry : given.entrySet()) {
            String key = entry.getKey();
            Located located = entry.getValue();
            Optional<ParameterSpec> spec = type.parameter(key);
            if (spec.isEmpty()) {
                resolved.put(key, JsonTrees.freeze(located.value())); // undeclared: passed through
            } else if (located.value() != null) {
                ParameterCoercion.Outcome outcome = ParameterCoercion.coerce(spec.get(), located.value());
                if (outcome.failed()) {
                    report(located.pointer(), Objects.requireNonNull(outcome.code()),
                            Objects.requireNonNull(outcome.message()));
                    valid = false;
                } else {
                    resolved.put(key, outcome.value());
                }
            }
        }
        for (ParameterSpec spec : type.parameters()) {
            if (resolved.get(spec.name()) != null || given.containsKey(spec.name()) && given.get(spec.name()).value() != null) {
                continue;
            }
            if (spec.defaultValue() != null) {
                ParameterCoercion.Outcome outcome = ParameterCoercion.coerce(spec, spec.defaultValue());
                resolved.put(spec.name(), outcome.failed() ? JsonTrees.freeze(spec.defaultValue()) : outcome.value());
            } else if (spec.required()) {
                report(append(append(nodePointer, "config"), spec.name()), ProblemCodes.MISSING_PARAMETER,
                        "parameter '" + spec.name() + "' (" + spec.type().wireName() + ") is required by node type '"
                                + type.type() + "'" + (id != null ? " (node '" + id + "')" : ""));
                valid = false;
            }
        }
        return valid ? resolved : null;
    }

    private @Nullable Map<String, Located> configObject(@Nullable Object config, String pointer) {
        if (!(config instanceof Map<?, ?> object)) {
            report(pointer, ProblemCodes.INVALID_TYPE, "'config' must be an object, got " + JsonTrees.kind(config));
            return null;
        }
        Map<String, Located> given = new LinkedHashMap<>();
        JsonTrees.stringKeys(object).forEach((key, value) -> given.put(key, new Located(value, append(pointer, key))));
        return given;
    }

    /** Parameters from the editor form: each {@code data.inputs[]} entry with a {@code value}. */
    private @Nullable Map<String, Located> editorInputs(Map<String, @Nullable Object> node, String nodePointer) {
        Map<String, Located> given = new LinkedHashMap<>();
        if (!(node.get("data") instanceof Map<?, ?> data)) {
            return given; // no config and no editor data: no parameters
        }
        Object inputs = data.get("inputs");
        String inputsPointer = append(append(nodePointer, "data"), "inputs");
        if (inputs == null) {
            return given;
        }
        if (!(inputs instanceof List<?> list)) {
            report(inputsPointer, ProblemCodes.INVALID_TYPE,
                    "'data.inputs' must be an array (it holds the parameters when 'config' is absent), got "
                            + JsonTrees.kind(inputs));
            return null;
        }
        boolean valid = true;
        Map<String, String> seenAt = new HashMap<>();
        for (int k = 0; k < list.size(); k++) {
            String entryPointer = append(inputsPointer, k);
            if (!(list.get(k) instanceof Map<?, ?> rawEntry)) {
                report(entryPointer, ProblemCodes.INVALID_TYPE,
                        "an editor input must be an object, got " + JsonTrees.kind(list.get(k)));
                valid = false;
                continue;
            }
            Map<String, @Nullable Object> entry = JsonTrees.stringKeys(rawEntry);
            if (!entry.containsKey("value")) {
                continue; // a handle placeholder, not a parameter
            }
            Object id = entry.get("id");
            String idPointer = append(entryPointer, "id");
            if (id == null) {
                report(idPointer, ProblemCodes.REQUIRED, "an editor input with a 'value' needs an 'id' (the parameter name)");
                valid = false;
            } else if (!(id instanceof String name)) {
                report(idPointer, ProblemCodes.INVALID_TYPE, "an editor input's 'id' must be a string, got " + JsonTrees.kind(id));
                valid = false;
            } else if (seenAt.containsKey(name)) {
                report(idPointer, ProblemCodes.DUPLICATE_ID,
                        "parameter '" + name + "' is already given by the editor input at " + seenAt.get(name));
                valid = false;
            } else {
                seenAt.put(name, entryPointer);
                given.put(name, new Located(entry.get("value"), append(entryPointer, "value")));
            }
        }
        return valid ? given : null;
    }

    private RetryPolicy readRetry(@Nullable Object retry, String pointer) {
        if (retry == null) {
            return RetryPolicy.NONE;
        }
        if (!(retry instanceof Map<?, ?> rawRetry)) {
            report(pointer, ProblemCodes.INVALID_TYPE, "'retry' must be an object such as "
                    + "{\"max_attempts\": 3, \"backoff_seconds\": 1}, got " + JsonTrees.kind(retry));
            return RetryPolicy.NONE;
        }
        Map<String, @Nullable Object> fields = JsonTrees.stringKeys(rawRetry);
        Long attempts = null;
        Object rawAttempts = fields.get("max_attempts");
        if (rawAttempts == null) {
            report(append(pointer, "max_attempts"), ProblemCodes.REQUIRED,
                    "'retry' needs 'max_attempts' (total attempts, 1 to " + RetryPolicy.MAX_ATTEMPTS + ")");
        } else {
            attempts = wholeNumber(rawAttempts, append(pointer, "max_attempts"), "'max_attempts'", 1, RetryPolicy.MAX_ATTEMPTS);
        }
        Duration backoff = RetryPolicy.DEFAULT_INITIAL_BACKOFF;
        Object rawBackoff = fields.get("backoff_seconds");
        if (rawBackoff != null) {
            String backoffPointer = append(pointer, "backoff_seconds");
            BigDecimal seconds = number(rawBackoff, backoffPointer, "'backoff_seconds'");
            if (seconds != null && (seconds.signum() < 0 || seconds.compareTo(MAX_BACKOFF_SECONDS) > 0)) {
                report(backoffPointer, ProblemCodes.OUT_OF_RANGE, "'backoff_seconds' must be between 0 and "
                        + MAX_BACKOFF_SECONDS + ", was " + JsonTrees.plain(seconds));
            } else if (seconds != null) {
                backoff = seconds(seconds);
            }
        }
        return attempts == null ? RetryPolicy.NONE : new RetryPolicy(attempts.intValue(), backoff);
    }

    private Duration readTimeout(@Nullable Object timeout, String pointer) {
        if (timeout == null) {
            return NodeDefinition.DEFAULT_TIMEOUT;
        }
        BigDecimal seconds = number(timeout, pointer, "'timeout_seconds'");
        if (seconds == null) {
            return NodeDefinition.DEFAULT_TIMEOUT;
        }
        boolean inRange = seconds.signum() > 0
                && seconds.compareTo(BigDecimal.valueOf(NodeDefinition.MAX_TIMEOUT.toSeconds())) <= 0;
        Duration duration = inRange ? seconds(seconds) : Duration.ZERO;
        if (duration.isZero()) {
            report(pointer, ProblemCodes.OUT_OF_RANGE, "'timeout_seconds' must be greater than 0 and at most "
                    + NodeDefinition.MAX_TIMEOUT.toSeconds() + ", was " + JsonTrees.plain(seconds));
            return NodeDefinition.DEFAULT_TIMEOUT;
        }
        return duration;
    }

    // ---------------------------------------------------------------- edges

    private @Nullable EdgeDefinition readEdge(
            @Nullable Object raw, int index, Map<String, NodeSlot> nodesById, List<EdgeSlot> slots) {
        String pointer = append("/edges", index);
        if (!(raw instanceof Map<?, ?> rawEdge)) {
            report(pointer, ProblemCodes.INVALID_TYPE, "an edge must be an object, got " + JsonTrees.kind(raw));
            slots.add(new EdgeSlot(index, pointer, null, null, null, null, null));
            return null;
        }
        int problemsBefore = problems.size();
        Map<String, @Nullable Object> edge = JsonTrees.stringKeys(rawEdge);

        NodeSlot source = endpoint(edge, "source", pointer, nodesById);
        Located sourceHandle = handle(edge, "source_handle", "sourceHandle", pointer);
        NodeSlot target = endpoint(edge, "target", pointer, nodesById);
        Located targetHandle = handle(edge, "target_handle", "targetHandle", pointer);

        if (source != null && source.type() != null && sourceHandle != null) {
            NodeTypeDescriptor type = source.type();
            String name = (String) Objects.requireNonNull(sourceHandle.value());
            if (type.output(name).isEmpty()) {
                report(sourceHandle.pointer(), ProblemCodes.UNKNOWN_SOURCE_HANDLE, "node '" + source.id() + "' ("
                        + type.type() + ") has no output '" + name + "'; its outputs: "
                        + names(type.outputs(), OutputHandleSpec::name));
            }
        }
        InputHandleSpec input = null;
        if (target != null && target.type() != null && targetHandle != null) {
            NodeTypeDescriptor type = target.type();
            String name = (String) Objects.requireNonNull(targetHandle.value());
            input = type.input(name).orElse(null);
            if (input == null) {
                report(targetHandle.pointer(), ProblemCodes.UNKNOWN_TARGET_HANDLE, "node '" + target.id() + "' ("
                        + type.type() + ") has no input '" + name + "'; its inputs: "
                        + names(type.inputs(), InputHandleSpec::name));
            }
        }
        slots.add(new EdgeSlot(index, pointer, source,
                sourceHandle == null ? null : (String) sourceHandle.value(),
                target,
                targetHandle == null ? null : (String) targetHandle.value(),
                input));

        if (problems.size() > problemsBefore || source == null || target == null
                || sourceHandle == null || targetHandle == null) {
            return null;
        }
        Map<String, @Nullable Object> extras = new LinkedHashMap<>(edge);
        extras.keySet().removeAll(EDGE_FIELDS);
        return new EdgeDefinition(
                NodeId.of(Objects.requireNonNull(source.id())),
                HandleName.of((String) Objects.requireNonNull(sourceHandle.value())),
                NodeId.of(Objects.requireNonNull(target.id())),
                HandleName.of((String) Objects.requireNonNull(targetHandle.value())),
                extras);
    }

    /** The node an edge end names, or null when that was not a valid, known node id (reported). */
    private @Nullable NodeSlot endpoint(
            Map<String, @Nullable Object> edge, String field, String edgePointer, Map<String, NodeSlot> nodesById) {
        String id = identifier(edge, field, edgePointer, field + " node id");
        if (id == null) {
            return null;
        }
        NodeSlot node = nodesById.get(id);
        if (node == null && nodesReadable) {
            report(append(edgePointer, field), ProblemCodes.UNKNOWN_NODE, "'" + field + "' names node '" + id
                    + "', which is not among the flow's nodes");
        }
        return node;
    }

    /**
     * A handle name written as {@code snake} or {@code camel} (the editor's spelling); both may be
     * present only when they agree. Null when missing, invalid or conflicting (reported).
     */
    private @Nullable Located handle(Map<String, @Nullable Object> edge, String snake, String camel, String edgePointer) {
        boolean hasSnake = edge.get(snake) != null;
        boolean hasCamel = edge.get(camel) != null;
        if (!hasSnake && !hasCamel) {
            report(append(edgePointer, snake), ProblemCodes.REQUIRED,
                    "an edge needs '" + snake + "' (or '" + camel + "')");
            return null;
        }
        if (hasSnake && hasCamel && !java.util.Objects.equals(edge.get(snake), edge.get(camel))) {
            report(laterOf(edge, snake, camel, edgePointer), ProblemCodes.CONFLICTING_FIELDS,
                    "'" + snake + "' (" + JsonTrees.show(edge.get(snake)) + ") and '" + camel + "' ("
                            + JsonTrees.show(edge.get(camel)) + ") disagree; give one of them");
            return null;
        }
        String field = hasSnake ? snake : camel;
        String name = identifier(edge, field, edgePointer, "handle name");
        return name == null ? null : new Located(name, append(edgePointer, field));
    }

    // ---------------------------------------------------------------- rules across nodes and edges

    private void checkDuplicatesAndFanIn(List<EdgeSlot> edges) {
        Map<List<String>, EdgeSlot> connections = new HashMap<>();
        Map<List<String>, EdgeSlot> fedInputs = new HashMap<>();
        for (EdgeSlot edge : edges) {
            if (!edge.fullyResolved()) {
                continue;
            }
            NodeSlot source = Objects.requireNonNull(edge.source());
            NodeSlot target = Objects.requireNonNull(edge.target());
            List<String> connection = List.of(String.valueOf(source.id()), String.valueOf(edge.sourceHandle()),
                    String.valueOf(target.id()), String.valueOf(edge.targetHandle()));
            EdgeSlot same = connections.putIfAbsent(connection, edge);
            if (same != null) {
                report(edge.pointer(), ProblemCodes.DUPLICATE_EDGE, "this edge repeats the connection of " + same.pointer()
                        + " (" + source.id() + "." + edge.sourceHandle() + " → " + target.id() + "." + edge.targetHandle() + ")");
                continue;
            }
            InputHandleSpec input = edge.input();
            if (input == null || input.aggregate()) {
                continue;
            }
            EdgeSlot first = fedInputs.putIfAbsent(List.of(String.valueOf(target.id()), input.name()), edge);
            if (first != null) {
                report(edge.pointer(), ProblemCodes.FAN_IN_NOT_ALLOWED, "input '" + input.name() + "' of node '"
                        + target.id() + "' (" + Objects.requireNonNull(target.type()).type()
                        + ") accepts one edge and is already fed by " + first.pointer()
                        + "; only aggregate inputs accept several");
            }
        }
    }

    private void checkRequiredInputs(List<NodeSlot> nodes, List<EdgeSlot> edges) {
        Set<List<String>> connected = new HashSet<>();
        for (EdgeSlot edge : edges) {
            if (edge.target() != null && edge.input() != null) {
                connected.add(List.of(String.valueOf(edge.target().id()), edge.input().name()));
            }
        }
        for (NodeSlot node : nodes) {
            if (node.id() == null || node.type() == null) {
                continue;
            }
            for (InputHandleSpec input : node.type().inputs()) {
                if (input.required() && !connected.contains(List.of(node.id(), input.name()))) {
                    report(node.pointer(), ProblemCodes.REQUIRED_INPUT_UNCONNECTED, "required input '" + input.name()
                            + "' of node '" + node.id() + "' (" + node.type().type() + ") has no incoming edge");
                }
            }
        }
    }

    private void checkCycles(List<NodeSlot> nodes, List<EdgeSlot> edges) {
        List<CyclePathFinder.Arc> arcs = new ArrayList<>();
        for (EdgeSlot edge : edges) {
            if (edge.source() != null && edge.target() != null) {
                arcs.add(new CyclePathFinder.Arc(edge.source().index(), edge.target().index(), edge.index()));
            }
        }
        for (CyclePathFinder.Cycle cycle : CyclePathFinder.disjoint(nodes.size(), arcs)) {
            String path = cycle.nodes().stream()
                    .map(i -> String.valueOf(nodes.get(i).id()))
                    .collect(Collectors.joining(" → "));
            report(append("/edges", cycle.firstEdge()), ProblemCodes.DIRECTED_CYCLE,
                    "the edges form a directed cycle: " + path + "; a flow must be acyclic");
        }
    }

    // ---------------------------------------------------------------- small readers

    /** A routing-key-safe identifier from {@code field}, or null (reported) when absent or invalid. */
    private @Nullable String identifier(Map<String, @Nullable Object> object, String field, String parentPointer, String what) {
        String pointer = append(parentPointer, field);
        Object value = object.get(field);
        if (value == null) {
            report(pointer, ProblemCodes.REQUIRED, "'" + field + "' is required");
            return null;
        }
        if (!(value instanceof String text)) {
            report(pointer, ProblemCodes.INVALID_TYPE, what + " must be a string, got " + JsonTrees.kind(value));
            return null;
        }
        if (!Identifier.isValid(text)) {
            report(pointer, ProblemCodes.INVALID_ID, what + " " + Identifier.problem(text)
                    + "; identifiers become words of routing keys, so '.', '*', '#' and spaces are not allowed");
            return null;
        }
        return text;
    }

    /** A JSON number, or null (reported as {@code invalid_type}). */
    private @Nullable BigDecimal number(Object value, String pointer, String what) {
        BigDecimal number = value instanceof Boolean ? null : JsonTrees.decimal(value);
        if (number == null) {
            report(pointer, ProblemCodes.INVALID_TYPE, what + " must be a number, got " + JsonTrees.kind(value));
        }
        return number;
    }

    /** A whole JSON number within [min, max], or null (reported). */
    private @Nullable Long wholeNumber(Object value, String pointer, String what, long min, long max) {
        BigDecimal number = value instanceof Boolean ? null : JsonTrees.decimal(value);
        if (number == null || !JsonTrees.integral(number)) {
            report(pointer, ProblemCodes.INVALID_TYPE, what + " must be a whole number, got "
                    + (number == null ? JsonTrees.kind(value) : JsonTrees.plain(number)));
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            report(pointer, ProblemCodes.OUT_OF_RANGE, what + " must be between " + min + " and " + max
                    + ", was " + JsonTrees.plain(number));
            return null;
        }
        return number.longValueExact();
    }

    private static Duration seconds(BigDecimal seconds) {
        BigDecimal nanos = seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP);
        return Duration.ofNanos(nanos.longValueExact());
    }

    /** The pointer of whichever of two present members comes later in the object. */
    private static String laterOf(Map<String, @Nullable Object> object, String first, String second) {
        return laterOf(object, first, second, JsonPointer.ROOT);
    }

    private static String laterOf(Map<String, @Nullable Object> object, String a, String b, String parentPointer) {
        String later = a;
        for (String key : object.keySet()) {
            if (key.equals(a) || key.equals(b)) {
                later = key;
            }
        }
        return append(parentPointer, later);
    }

    private static <T> String names(List<T> handles, Function<T, String> name) {
        return handles.isEmpty() ? "none" : handles.stream().map(name).collect(Collectors.joining(", "));
    }

    private void report(String pointer, String code, String message) {
        problems.add(new ValidationProblem(pointer, code, message));
    }
}
