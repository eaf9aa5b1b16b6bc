package io.weatherstation.flow.domain;

/**
 * The stable machine codes of {@link ValidationProblem#code()}. Clients branch on these, so a
 * code is never renamed; new rules get new codes.
 */
public final class ProblemCodes {

    /** The body is not well-formed JSON (including duplicate keys in one object). */
    public static final String MALFORMED_JSON = "malformed_json";
    /** The body, or a token in it, exceeds a size limit. */
    public static final String TOO_LARGE = "too_large";
    /** A required field is absent or null. */
    public static final String REQUIRED = "required";
    /** A field has the wrong JSON type (e.g. a string where an object belongs). */
    public static final String INVALID_TYPE = "invalid_type";
    /** A node id or handle name is outside the routing-key-safe alphabet or length. */
    public static final String INVALID_ID = "invalid_id";
    /** A node id (or editor input id) is used twice. */
    public static final String DUPLICATE_ID = "duplicate_id";
    /** The same connection (source, handle, target, handle) is listed twice. */
    public static final String DUPLICATE_EDGE = "duplicate_edge";
    /** {@code nodes} is an empty list. */
    public static final String EMPTY = "empty";
    /** A node's type is not registered in the catalog. */
    public static final String UNKNOWN_NODE_TYPE = "unknown_node_type";
    /** An edge names a node that is not in the definition. */
    public static final String UNKNOWN_NODE = "unknown_node";
    /** An edge leaves from a handle that is not an output of the source node's type. */
    public static final String UNKNOWN_SOURCE_HANDLE = "unknown_source_handle";
    /** An edge arrives at a handle that is not an input of the target node's type. */
    public static final String UNKNOWN_TARGET_HANDLE = "unknown_target_handle";
    /** A non-aggregate input handle is fed by more than one edge. */
    public static final String FAN_IN_NOT_ALLOWED = "fan_in_not_allowed";
    /** A required input handle of a node has no incoming edge. */
    public static final String REQUIRED_INPUT_UNCONNECTED = "required_input_unconnected";
    /** A required parameter has neither a value nor a default. */
    public static final String MISSING_PARAMETER = "missing_parameter";
    /** A parameter value has the wrong type or is not one of the allowed values. */
    public static final String INVALID_PARAMETER = "invalid_parameter";
    /** A number lies outside its allowed range. */
    public static final String OUT_OF_RANGE = "out_of_range";
    /** {@code interval}/{@code cycle_interval} is negative, fractional or unparseable. */
    public static final String INVALID_INTERVAL = "invalid_interval";
    /** {@code cron} is not a valid cron expression. */
    public static final String INVALID_CRON = "invalid_cron";
    /** Two fields that mean the same thing (or exclude each other) disagree. */
    public static final String CONFLICTING_FIELDS = "conflicting_fields";
    /** The edges form a directed cycle. */
    public static final String DIRECTED_CYCLE = "directed_cycle";
    /** More nodes than {@link FlowLimits#maxNodes()}. */
    public static final String TOO_MANY_NODES = "too_many_nodes";
    /** More edges than {@link FlowLimits#maxEdges()}. */
    public static final String TOO_MANY_EDGES = "too_many_edges";

    private ProblemCodes() {
    }
}
