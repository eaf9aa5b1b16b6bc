package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.weatherstation.testing.FixtureCronSyntax;
import io.weatherstation.testing.FixtureNodeTypes;
import io.weatherstation.testing.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeatherSyntaxValidationTest {

    /** A valid node of each fixture shape, to build documents around one broken part. */
    static final String SOURCE = "{\"id\": \"a\", \"type\": \"source\", \"config\": {\"symbol\": \"X\"}}";

    static List<ValidationProblem> problemsOf(String json) {
        return problemsOf(JsonText.parse(json), FlowLimits.DEFAULT);
    }

    static List<ValidationProblem> problemsOf(Object document, FlowLimits limits) {
        InvalidFlowDefinitionException rejected = catchThrowableOfType(InvalidFlowDefinitionException.class,
                () -> WeatherSyntax.read(document, FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE, limits));
        assertThat(rejected).as("the document is rejected").isNotNull();
        return rejected.problems();
    }

    /** Problems as "pointer code" lines, for exact comparison. */
    static List<String> codesOf(String json) {
        return problemsOf(json).stream().map(p -> p.pointer() + " " + p.code()).toList();
    }

    static String messageOf(String json) {
        List<ValidationProblem> problems = problemsOf(json);
        assertThat(problems).hasSize(1);
        return problems.getFirst().message();
    }

    static String withNodes(String... nodes) {
        return "{\"nodes\": [" + String.join(", ", nodes) + "]}";
    }

    static String withGraph(String nodes, String edges) {
        return "{\"nodes\": [" + nodes + "], \"edges\": [" + edges + "]}";
    }

    @Nested
    class TheDocument {

        @Test
        void mustBeAnObject() {
            assertThat(codesOf("[]")).containsExactly(" invalid_type");
            assertThat(codesOf("null")).containsExactly(" invalid_type");
            assertThat(codesOf("\"flow\"")).containsExactly(" invalid_type");
        }

        @Test
        void needsNodes() {
            assertThat(codesOf("{}")).containsExactly("/nodes required");
            assertThat(codesOf("{\"nodes\": null}")).containsExactly("/nodes required");
        }

        @Test
        void needsNodesToBeAnArray() {
            assertThat(codesOf("{\"nodes\": {\"a\": {}}}")).containsExactly("/nodes invalid_type");
        }

        @Test
        void needsAtLeastOneNode() {
            assertThat(codesOf("{\"nodes\": []}")).containsExactly("/nodes empty");
        }

        @Test
        void needsEdgesToBeAnArrayWhenPresent() {
            assertThat(codesOf("{\"nodes\": [" + SOURCE + "], \"edges\": {}}")).containsExactly("/edges invalid_type");
        }

        @Test
        void doesNotReportUnconnectedInputsWhenEdgesAreUnreadable() {
            assertThat(codesOf("{\"nodes\": [{\"id\": \"s\", \"type\": \"sink\"}], \"edges\": \"none\"}"))
                    .containsExactly("/edges invalid_type");
        }

        @Test
        void doesNotReportUnknownNodesWhenNodesAreUnreadable() {
            assertThat(codesOf("{\"nodes\": 3, \"edges\": [{\"source\": \"a\", \"source_handle\": \"out\","
                    + " \"target\": \"b\", \"target_handle\": \"in\"}]}"))
                    .containsExactly("/nodes invalid_type");
        }

        @Test
        void needsANameToBeAString() {
            assertThat(codesOf("{\"name\": 7, \"nodes\": [" + SOURCE + "]}")).containsExactly("/name invalid_type");
        }

        @Test
        void limitsTheNumberOfNodesAndEdges() {
            List<Object> nodes = new ArrayList<>();
            List<Object> edges = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(JsonText.parse("{\"id\": \"r" + i + "\", \"type\": \"relay\"}"));
            }
            for (int i = 0; i < 3; i++) {
                edges.add(JsonText.parse("{\"source\": \"r" + i + "\", \"source_handle\": \"out\", \"target\": \"r"
                        + (i + 1) + "\", \"target_handle\": \"in\"}"));
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("nodes", nodes);
            document.put("edges", edges);

            List<ValidationProblem> problems = problemsOf(document, new FlowLimits(3, 2));

            assertThat(problems).extracting(ValidationProblem::pointer, ValidationProblem::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("/nodes", "too_many_nodes"),
                    org.assertj.core.groups.Tuple.tuple("/edges", "too_many_edges"));
            assertThat(problems.getFirst().message()).isEqualTo("a flow may have at most 3 nodes, this one has 4");
        }
    }

    @Nested
    class NodeIds {

        @ParameterizedTest
        @ValueSource(strings = {"a.b", "a*", "#a", "a b", "", "ü"})
        void rejectsCharactersOutsideTheRoutingKeyAlphabet(String id) {
            assertThat(codesOf(withNodes("{\"id\": \"" + id + "\", \"type\": \"relay\"}")))
                    .containsExactly("/nodes/0/id invalid_id");
        }

        @Test
        void rejectsIdsLongerThan128Characters() {
            String longest = "x".repeat(128);
            assertThat(WeatherSyntaxReadingTest.read(withNodes("{\"id\": \"" + longest + "\", \"type\": \"relay\"}"))
                    .nodes()).hasSize(1);
            assertThat(messageOf(withNodes("{\"id\": \"" + longest + "y\", \"type\": \"relay\"}")))
                    .startsWith("node id must be at most 128 characters (was 129)");
        }

        @Test
        void explainsWhichCharactersAreAllowed() {
            assertThat(messageOf(withNodes("{\"id\": \"a.b\", \"type\": \"relay\"}"))).isEqualTo(
                    "node id must contain only letters, digits, '_' and '-' (was 'a.b'); identifiers become words"
                            + " of routing keys, so '.', '*', '#' and spaces are not allowed");
        }

        @Test
        void requiresAnIdOfTypeString() {
            assertThat(codesOf(withNodes("{\"type\": \"relay\"}", "{\"id\": 5, \"type\": \"relay\"}")))
                    .containsExactly("/nodes/0/id required", "/nodes/1/id invalid_type");
        }

        @Test
        void reportsADuplicateAtTheDuplicate() {
            List<ValidationProblem> problems = problemsOf(withNodes(
                    "{\"id\": \"r\", \"type\": \"relay\"}", "{\"id\": \"q\", \"type\": \"relay\"}",
                    "{\"id\": \"r\", \"type\": \"relay\"}"));

            assertThat(problems).containsExactly(new ValidationProblem("/nodes/2/id", "duplicate_id",
                    "node id 'r' is already used by the node at /nodes/0"));
        }

        @Test
        void reportsANodeThatIsNotAnObject() {
            assertThat(codesOf(withNodes("\"a\"", "{\"id\": \"r\", \"type\": \"relay\"}")))
                    .containsExactly("/nodes/0 invalid_type");
        }
    }

    @Nested
    class NodeTypes {

        @Test
        void requiresATypeOfTypeString() {
            assertThat(codesOf(withNodes("{\"id\": \"a\"}", "{\"id\": \"b\", \"type\": [\"relay\"]}")))
                    .containsExactly("/nodes/0/type required", "/nodes/1/type invalid_type");
        }

        @Test
        void rejectsATypeTheCatalogDoesNotKnowAndNamesTheKnownOnes() {
            List<ValidationProblem> problems = problemsOf(withNodes("{\"id\": \"a\", \"type\": \"teleport_node\"}"));

            assertThat(problems).extracting(ValidationProblem::code).containsExactly("unknown_node_type");
            assertThat(problems.getFirst().message()).startsWith("node type 'teleport_node' is not registered; known types: ai_model_node, buy_node");
        }

        @Test
        void skipsCatalogChecksOfANodeWhoseTypeIsUnknown() {
            String json = withGraph(
                    "{\"id\": \"a\", \"type\": \"mystery\", \"config\": {\"limit\": \"lots\"}}, {\"id\": \"b\", \"type\": \"sink\"}",
                    "{\"source\": \"a\", \"source_handle\": \"anything\", \"target\": \"b\", \"target_handle\": \"in\"},"
                            + "{\"source\": \"b\", \"source_handle\": \"nothing\", \"target\": \"a\", \"target_handle\": \"whatever\"}");

            assertThat(codesOf(json)).containsExactly(
                    "/nodes/0/type unknown_node_type",
                    "/edges/0 directed_cycle",
                    "/edges/1/source_handle unknown_source_handle");
        }
    }

    @Nested
    class Edges {

        static final String NODES = "{\"id\": \"a\", \"type\": \"source\", \"config\": {\"symbol\": \"X\"}},"
                + " {\"id\": \"b\", \"type\": \"sink\"}";

        @Test
        void requireEveryEndAndHandle() {
            assertThat(codesOf(withGraph(NODES, "{}, {\"source\": \"a\", \"source_handle\": \"out\", \"target\": \"b\", \"target_handle\": \"in\"}")))
                    .containsExactly("/edges/0/source required", "/edges/0/source_handle required",
                            "/edges/0/target required", "/edges/0/target_handle required");
        }

        @Test
        void mustBeObjects() {
            assertThat(codesOf(withGraph(NODES, "[\"a\", \"b\"], {\"source\": \"a\", \"source_handle\": \"out\", \"target\": \"b\", \"target_handle\": \"in\"}")))
                    .containsExactly("/edges/0 invalid_type");
        }

        @Test
        void mustJoinKnownNodes() {
            List<ValidationProblem> problems = problemsOf(withGraph(NODES,
                    "{\"source\": \"a\", \"source_handle\": \"out\", \"target\": \"c\", \"target_handle\": \"in\"},"
                            + "{\"source\": \"a\", \"source_handle\": \"out\", \"target\": \"b\", \"target_handle\": \"in\"}"));

            assertThat(problems).containsExactly(new ValidationProblem("/edges/0/target", "unknown_node",
                    "'target' names node 'c', which is not among the flow's nodes"));
        }

        @Test
        void rejectHandleNamesOutsideTheAlphabet() {
            assertThat(codesOf(withGraph(NODES, "{\"source\": \"a\", \"sourceHandle\": \"out.x\", \"target\": \"b\", \"target_handle\": \"in\"}")))
                    .containsExactly("/edges/0/sourceHandle invalid_id");
        }

        @Test
        void rejectDisagreeingHandleSpellingsAtTheLaterOne() {
            List<ValidationProblem> problems = problemsOf(withGraph(NODES,
                    "{\"source\": \"a\", \"sourceHandle\": \"out\", \"source_handle\": \"data\", \"target\": \"b\", \"target_handle\": \"in\"}"));

            assertThat(problems).containsExactly(new ValidationProblem("/edges/0/source_handle", "conflicting_fields",
                    "'source_handle' ('data') and 'sourceHandle' ('out') disagree; give one of them"));
        }

        @Test
        void mustLeaveFromAnOutputOfTheSourceType() {
            List<ValidationProblem> problems = problemsOf(withGraph(NODES,
                    "{\"source\": \"a\", \"source_handle\": \"in\", \"target\": \"b\", \"target_handle\": \"in\"}"));

            assertThat(problems).containsExactly(new ValidationProblem("/edges/0/source_handle", "unknown_source_handle",
                    "node 'a' (source) has no output 'in'; its outputs: out"));
        }

        @Test
        void mustArriveAtAnInputOfTheTargetType() {
            assertThat(codesOf(withGraph(NODES,
                    "{\"source\": \"a\", \"source_handle\": \"out\", \"target\": \"b\", \"targetHandle\": \"out\"}")))
                    .containsExactly("/nodes/1 required_input_unconnected", "/edges/0/targetHandle unknown_target_handle");
        }

        @Test
        void mayNotFeedANormalInputTwice() {
            List<ValidationProblem> problems = problemsOf(withGraph(
                    NODES + ", {\"id\": \"c\", \"type\": \"source\", \"config\": {\"symbol\": \"Y\"}}",
                    "{\"source\": \"a\", \"source_handle\": \"out\", \"target\": \"b\", \"target_handle\": \"in\"},"
                            + "{\"source\": \"c\", \"source_handle\": \"out\", \"target\": \"b\", \"target_handle\": \"in\"}"));

            assertThat(problems).containsExactly(new ValidationProblem("/edges/1", "fan_in_not_allowed",
                    "input 'in' of node 'b' (sink) accepts one edge and is already fed by /edges/0;"
                            + " only aggregate inputs accept several"));
        }

        @Test
        void mayFeedAnAggregateInputManyTimes() {
            FlowDefinition flow = WeatherSyntaxReadingTest.read(withGraph(
                    SOURCE + ", {\"id\": \"c\", \"type\": \"source\", \"config\": {\"symbol\": \"Y\"}}, {\"id\": \"m\", \"type\": \"merge\"}",
                    "{\"source\": \"a\", \"source_handle\": \"out\", \"target\": \"m\", \"target_handle\": \"items\"},"
                            + "{\"source\": \"c\", \"source_handle\": \"out\", \"target\": \"m\", \"target_handle\": \"items\"}"));

            assertThat(flow.incomingEdges(io.weatherstation.shared.domain.NodeId.of("m"))).hasSize(2);
        }

        @Test
        void mayNotRepeatAConnection() {
            assertThat(codesOf(withGraph(SOURCE + ", {\"id\": \"m\", \"type\": \"merge\"}",
                    "{\"source\": \"a\", \"source_handle\": \"out\", \"target\": \"m\", \"target_handle\": \"items\"},"
                            + "{\"source\": \"a\", \"sourceHandle\": \"out\", \"target\": \"m\", \"targetHandle\": \"items\"}")))
                    .containsExactly("/edges/1 duplicate_edge");
        }

        @Test
        void mustConnectEveryRequiredInput() {
            List<ValidationProblem> problems = problemsOf(withNodes(SOURCE, "{\"id\": \"b\", \"type\": \"sink\"}",
                    "{\"id\": \"r\", \"type\": \"relay\"}"));

            assertThat(problems).containsExactly(new ValidationProblem("/nodes/1", "required_input_unconnected",
                    "required input 'in' of node 'b' (sink) has no incoming edge"));
        }
    }

    @Nested
    class Cycles {

        static final String RELAYS = "{\"id\": \"a\", \"type\": \"relay\"}, {\"id\": \"b\", \"type\": \"relay\"},"
                + " {\"id\": \"c\", \"type\": \"relay\"}, {\"id\": \"d\", \"type\": \"relay\"}";

        static String edge(String from, String to) {
            return "{\"source\": \"" + from + "\", \"source_handle\": \"out\", \"target\": \"" + to + "\", \"target_handle\": \"in\"}";
        }

        @Test
        void reportsTheCyclePathAtItsFirstEdge() {
            List<ValidationProblem> problems = problemsOf(withGraph(RELAYS,
                    String.join(",", edge("a", "d"), edge("a", "b"), edge("b", "c"), edge("c", "a"))));

            assertThat(problems).containsExactly(new ValidationProblem("/edges/1", "directed_cycle",
                    "the edges form a directed cycle: a → b → c → a; a flow must be acyclic"));
        }

        @Test
        void reportsASelfLoop() {
            assertThat(messageOf(withGraph(RELAYS, edge("b", "b"))))
                    .isEqualTo("the edges form a directed cycle: b → b; a flow must be acyclic");
        }

        @Test
        void reportsEachOfSeveralSeparateCycles() {
            assertThat(problemsOf(withGraph(RELAYS, String.join(",", edge("a", "b"), edge("c", "d"), edge("b", "a"), edge("d", "c")))))
                    .extracting(ValidationProblem::pointer, ValidationProblem::message)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("/edges/0", "the edges form a directed cycle: a → b → a; a flow must be acyclic"),
                            org.assertj.core.groups.Tuple.tuple("/edges/1", "the edges form a directed cycle: c → d → c; a flow must be acyclic"));
        }

        @Test
        void acceptsADiamond() {
            String nodes = "{\"id\": \"a\", \"type\": \"relay\"}, {\"id\": \"b\", \"type\": \"relay\"},"
                    + " {\"id\": \"c\", \"type\": \"relay\"}, {\"id\": \"d\", \"type\": \"merge\"}";
            String intoMerge = "\"target_handle\": \"items\"}";
            String edges = String.join(",", edge("a", "b"), edge("a", "c"),
                    edge("b", "d").replace("\"target_handle\": \"in\"}", intoMerge),
                    edge("c", "d").replace("\"target_handle\": \"in\"}", intoMerge));

            assertThat(WeatherSyntaxReadingTest.read(withGraph(nodes, edges)).edges()).hasSize(4);
        }
    }

    @Nested
    class Parameters {

        @Test
        void mustBePresentWhenRequiredWithoutDefault() {
            List<ValidationProblem> problems = problemsOf(withNodes("{\"id\": \"a\", \"type\": \"source\"}"));

            assertThat(problems).containsExactly(new ValidationProblem("/nodes/0/config/symbol", "missing_parameter",
                    "parameter 'symbol' (string) is required by node type 'source' (node 'a')"));
        }

        @Test
        void treatNullAsMissing() {
            assertThat(codesOf(withNodes("{\"id\": \"a\", \"type\": \"source\", \"config\": {\"symbol\": null}}")))
                    .containsExactly("/nodes/0/config/symbol missing_parameter");
        }

        @Test
        void mayComeFromEditorInputsWhereTheyAreCheckedToo() {
            assertThat(codesOf(withNodes("{\"id\": \"a\", \"type\": \"source\", \"data\": {\"inputs\": ["
                    + "{\"id\": \"symbol\", \"value\": \"X\"}, {\"id\": \"handle\"}, {\"id\": \"limit\", \"value\": 0}]}}")))
                    .containsExactly("/nodes/0/data/inputs/2/value out_of_range");
            assertThat(codesOf(withNodes("{\"id\": \"a\", \"type\": \"source\", \"data\": {\"inputs\": [{\"title\": \"x\"}]}}")))
                    .containsExactly("/nodes/0/config/symbol missing_parameter");
        }

        @Test
        void rejectMalformedEditorInputs() {
            assertThat(codesOf(withNodes("{\"id\": \"a\", \"type\": \"source\", \"data\": {\"inputs\": {\"symbol\": \"X\"}}}")))
                    .containsExactly("/nodes/0/data/inputs invalid_type");
            assertThat(codesOf(withNodes("{\"id\": \"a\", \"type\": \"source\", \"data\": {\"inputs\": ["
                    + "{\"value\": \"X\"}, 3, {\"id\": 1, \"value\": 2}, {\"id\": \"s\", \"value\": 1}, {\"id\": \"s\", \"value\": 2}]}}")))
                    .containsExactly("/nodes/0/data/inputs/0/id required", "/nodes/0/data/inputs/1 invalid_type",
                            "/nodes/0/data/inputs/2/id invalid_type", "/nodes/0/data/inputs/4/id duplicate_id");
        }

        @Test
        void needAConfigObject() {
            assertThat(codesOf(withNodes("{\"id\": \"a\", \"type\": \"source\", \"config\": [\"X\"]}")))
                    .containsExactly("/nodes/0/config invalid_type");
        }

        @Test
        void mustHaveTheirDeclaredType() {
            assertThat(codesOf(withNodes("{\"id\": \"p\", \"type\": \"params\", \"config\": {"
                    + "\"text\": 12, \"count\": \"twelve\", \"amount\": true, \"flag\": \"yes\","
                    + " \"headers\": \"k=v\", \"tags\": {\"a\": 1}, \"payload\": {\"anything\": [1]}}}")))
                    .containsExactly("/nodes/0/config/text invalid_parameter", "/nodes/0/config/count invalid_parameter",
                            "/nodes/0/config/amount invalid_parameter", "/nodes/0/config/flag invalid_parameter",
                            "/nodes/0/config/headers invalid_parameter", "/nodes/0/config/tags invalid_parameter");
        }

        @Test
        void areNeverCoercedFromObjectsOrArraysToStrings() {
            assertThat(codesOf(withNodes("{\"id\": \"p\", \"type\": \"params\", \"config\": {\"text\": {\"a\": 1}}}",
                    "{\"id\": \"q\", \"type\": \"params\", \"config\": {\"text\": [\"a\"]}}")))
                    .containsExactly("/nodes/0/config/text invalid_parameter", "/nodes/1/config/text invalid_parameter");
        }

        @Test
        void mustBeWholeWhenDeclaredInteger() {
            assertThat(messageOf(withNodes("{\"id\": \"p\", \"type\": \"params\", \"config\": {\"count\": 1.5}}")))
                    .isEqualTo("parameter 'count' must be an integer, was 1.5");
            assertThat(codesOf(withNodes("{\"id\": \"p\", \"type\": \"params\", \"config\": {\"count\": \"2.5\"}}")))
                    .containsExactly("/nodes/0/config/count invalid_parameter");
            assertThat(codesOf(withNodes("{\"id\": \"p\", \"type\": \"params\", \"config\": {\"count\": 1e30}}")))
                    .containsExactly("/nodes/0/config/count out_of_range");
        }

        @Test
        void mustLieWithinTheirBounds() {
            assertThat(problemsOf(withNodes("{\"id\": \"a\", \"type\": \"source\", \"config\": {\"symbol\": \"X\", \"limit\": 5000}}",
                    "{\"id\": \"s\", \"type\": \"params\", \"config\": {\"amount\": -0.5}}")))
                    .containsExactly(
                            new ValidationProblem("/nodes/0/config/limit", "out_of_range", "parameter 'limit' must be between 1 and 1000, was 5000"),
                            new ValidationProblem("/nodes/1/config/amount", "out_of_range", "parameter 'amount' must be at least 0, was -0.5"));
        }

        @Test
        void mustBeOneOfTheAllowedValues() {
            assertThat(problemsOf(withNodes("{\"id\": \"a\", \"type\": \"source\", \"config\": {\"symbol\": \"X\", \"interval\": \"2m\"}}")))
                    .containsExactly(new ValidationProblem("/nodes/0/config/interval", "invalid_parameter",
                            "parameter 'interval' must be one of 1m, 5m, 1h, was '2m'"));
        }

        @Test
        void neverEchoASecretValue() {
            String message = messageOf(withNodes("{\"id\": \"p\", \"type\": \"params\", \"config\": {\"token\": 123456789}}"));

            assertThat(message).isEqualTo("parameter 'token' must be a string, was a number").doesNotContain("123456789");
        }
    }

    @Nested
    class RetryAndTimeout {

        static String node(String extra) {
            return withNodes("{\"id\": \"a\", \"type\": \"source\", \"config\": {\"symbol\": \"X\"}, " + extra + "}");
        }

        @Test
        void retryMustBeAnObjectWithMaxAttempts() {
            assertThat(codesOf(node("\"retry\": 3"))).containsExactly("/nodes/0/retry invalid_type");
            assertThat(codesOf(node("\"retry\": {\"backoff_seconds\": 1}"))).containsExactly("/nodes/0/retry/max_attempts required");
        }

        @Test
        void maxAttemptsMustBeAWholeNumberFromOneToAHundred() {
            assertThat(codesOf(node("\"retry\": {\"max_attempts\": 0}"))).containsExactly("/nodes/0/retry/max_attempts out_of_range");
            assertThat(codesOf(node("\"retry\": {\"max_attempts\": 101}"))).containsExactly("/nodes/0/retry/max_attempts out_of_range");
            assertThat(codesOf(node("\"retry\": {\"max_attempts\": 2.5}"))).containsExactly("/nodes/0/retry/max_attempts invalid_type");
            assertThat(codesOf(node("\"retry\": {\"max_attempts\": \"3\"}"))).containsExactly("/nodes/0/retry/max_attempts invalid_type");
            assertThat(messageOf(node("\"retry\": {\"max_attempts\": 0}"))).isEqualTo("'max_attempts' must be between 1 and 100, was 0");
        }

        @Test
        void backoffMustBeANonNegativeNumber() {
            assertThat(codesOf(node("\"retry\": {\"max_attempts\": 2, \"backoff_seconds\": -1}")))
                    .containsExactly("/nodes/0/retry/backoff_seconds out_of_range");
            assertThat(codesOf(node("\"retry\": {\"max_attempts\": 2, \"backoff_seconds\": \"1s\"}")))
                    .containsExactly("/nodes/0/retry/backoff_seconds invalid_type");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "86401", "0.0000000001"})
        void timeoutMustBePositiveAndAtMostADay(String seconds) {
            assertThat(codesOf(node("\"timeout_seconds\": " + seconds))).containsExactly("/nodes/0/timeout_seconds out_of_range");
        }

        @Test
        void timeoutMustBeANumber() {
            assertThat(codesOf(node("\"timeout_seconds\": \"30\""))).containsExactly("/nodes/0/timeout_seconds invalid_type");
        }
    }

    @Nested
    class Schedules {

        static String flow(String fields) {
            return "{" + fields + ", \"nodes\": [" + SOURCE + "]}";
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "1.5", "-0.5", "\"1.5m\"", "\"soon\"", "\"-5s\"", "\"0s\"", "\"\"", "\"5 m\"",
                "\"5mm\"", "\"m\"", "true", "[60]", "{\"seconds\": 60}", "\"99999999999999999999d\"", "31622401"})
        void rejectsAnIntervalOutsideTheAcceptedForms(String interval) {
            assertThat(codesOf(flow("\"interval\": " + interval))).containsExactly("/interval invalid_interval");
            assertThat(codesOf(flow("\"cycle_interval\": " + interval))).containsExactly("/cycle_interval invalid_interval");
        }

        @Test
        void namesTheAcceptedFormsWhenAnIntervalCannotBeParsed() {
            assertThat(messageOf(flow("\"interval\": \"1.5m\""))).isEqualTo("'interval': '1.5m' is not an interval;"
                    + " use whole seconds (e.g. 60), a positive whole number with one unit s, m, h or d"
                    + " (\"30s\", \"5m\", \"1h\", \"1d\"), or 0 / \"once\" for a single cycle");
            assertThat(messageOf(flow("\"interval\": -5"))).startsWith("'interval': the interval must not be negative, was -5;");
        }

        @Test
        void rejectsIntervalAndCycleIntervalThatDisagree() {
            assertThat(problemsOf(flow("\"cycle_interval\": \"1m\", \"interval\": 30"))).containsExactly(
                    new ValidationProblem("/interval", "conflicting_fields",
                            "'interval' (30 s) and 'cycle_interval' (60 s) disagree; give one of them"));
        }

        @Test
        void acceptsIntervalAndCycleIntervalThatAgree() {
            assertThat(WeatherSyntaxReadingTest.read(flow("\"interval\": 60, \"cycle_interval\": \"1m\"")).schedule())
                    .isEqualTo(new Schedule.FixedRate(java.time.Duration.ofMinutes(1)));
        }

        @Test
        void rejectsAnInvalidCronExpression() {
            assertThat(problemsOf(flow("\"cron\": \"every day\""))).containsExactly(new ValidationProblem("/cron", "invalid_cron",
                    "'every day' is not a valid cron expression: expected 6 fields (second minute hour day-of-month month"
                            + " day-of-week), found 2"));
            assertThat(codesOf(flow("\"cron\": \"  \""))).containsExactly("/cron invalid_cron");
            assertThat(codesOf(flow("\"cron\": 5"))).containsExactly("/cron invalid_type");
        }

        @Test
        void rejectsCronTogetherWithANonZeroInterval() {
            assertThat(problemsOf(flow("\"cron\": \"0 0 * * * *\", \"cycle_interval\": 60"))).containsExactly(
                    new ValidationProblem("/cron", "conflicting_fields",
                            "'cron' cannot be combined with a non-zero 'cycle_interval' (60 s); give one of them"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "1.5", "\"2\"", "3000000000"})
        void rejectsAMaxConcurrentCyclesThatIsNotAPositiveWholeNumber(String value) {
            assertThat(codesOf(flow("\"max_concurrent_cycles\": " + value)))
                    .singleElement().asString().startsWith("/max_concurrent_cycles ");
        }
    }

    @Test
    void reportsEveryProblemInDocumentOrder() {
        String json = """
                {"edges": [
                   {"source": "a", "source_handle": "nope", "target": "ghost", "target_handle": "in"},
                   {"source": "b", "source_handle": "out", "target": "a", "target_handle": "in"}],
                 "interval": "soon",
                 "nodes": [
                   {"id": "a", "type": "sink", "config": {"ratio": 2, "enabled": "maybe"}, "timeout_seconds": 0},
                   {"id": "b.c", "type": "relay"},
                   {"id": "a", "type": "warp"}],
                 "cron": "x"}
                """;

        assertThat(codesOf(json)).containsExactly(
                "/edges/0/source_handle unknown_source_handle",
                "/edges/0/target unknown_node",
                "/edges/1/source unknown_node",
                "/interval invalid_interval",
                "/nodes/0/config/ratio out_of_range",
                "/nodes/0/config/enabled invalid_parameter",
                "/nodes/0/timeout_seconds out_of_range",
                "/nodes/1/id invalid_id",
                "/nodes/2/id duplicate_id",
                "/nodes/2/type unknown_node_type",
                "/cron invalid_cron");
    }

    @Test
    void theExceptionMessageSummarisesTheProblems() {
        assertThatThrownBy(() -> WeatherSyntaxReadingTest.read("{\"nodes\": []}"))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessage("invalid flow definition (1 problem): /nodes [empty] 'nodes' must not be empty: a flow needs at least one node");
    }
}
