package io.weatherstation.api.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weatherstation.api.Api.Response;
import io.weatherstation.api.EventStream;
import io.weatherstation.api.EventStream.Event;
import io.weatherstation.api.Flows;
import io.weatherstation.journal.domain.EventId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The live event stream ({@code GET /api/v1/flows/{id}/events}) followed by a real SSE client in
 * the embedded profile: a cycle's events arrive in causal order, a client that disconnects and
 * reconnects with {@code Last-Event-ID} sees every event exactly once, a client behind the
 * retention window is told so, and idle streams get heartbeats.
 */
@TestPropertySource(properties = {"station.events.heartbeat=200ms", "station.events.retained-per-flow=40"})
class LiveEventsScenariosTest extends ScenarioSupport {

    private static String events(String flowId) {
        return flows(flowId) + "/events";
    }

    private static Predicate<Event> named(String name) {
        return event -> event.name().equals(name);
    }

    /** The scheduler's last line of a cycle, written after {@code cycle_finished}. */
    private static Predicate<Event> cycleEndLine(long cycle) {
        return event -> event.name().equals("log")
                && event.json().path("message").asString().matches("cycle " + cycle + " (completed|failed|terminated) in .*");
    }

    private static List<String> statusesOf(List<Event> events, String node) {
        return events.stream().filter(named("node_status"))
                .filter(e -> e.json().path("node_id").asString().equals(node))
                .map(e -> e.json().path("status").asString()).toList();
    }

    private static int indexOf(List<Event> events, Predicate<Event> which) {
        for (int i = 0; i < events.size(); i++) {
            if (which.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event in " + events);
    }

    private static Predicate<Event> status(String node, String status) {
        return e -> e.name().equals("node_status") && e.json().path("node_id").asString().equals(node)
                && e.json().path("status").asString().equals(status);
    }

    @Test
    void a_cycle_streams_its_node_statuses_logs_signals_and_end_in_order() {
        String flowId = register("live", Flows.branching());
        List<Event> seen;
        try (EventStream stream = EventStream.open(port, events(flowId), null)) {
            long cycle = runCycle(flowId);
            seen = stream.until(cycleEndLine(cycle), PATIENCE);
        }

        assertThat(seen.getFirst().name()).isEqualTo("cycle_started");
        assertThat(seen.getFirst().json().path("cycle").asLong()).isZero();
        assertThat(seen.getFirst().json().path("nodes").values().stream().map(JsonNode::asString))
                .containsExactly("a", "b", "c", "d");
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.json().path("flow_id").asString()).isEqualTo(flowId);
            assertThat(e.json().path("at").asString()).isNotBlank();
        });
        assertThat(seen.stream().map(e -> EventId.parse(e.id())).toList()).isSorted().doesNotHaveDuplicates();

        assertThat(statusesOf(seen, "a")).containsExactly("pending", "running", "completed");
        assertThat(statusesOf(seen, "b")).containsExactly("pending", "running", "completed");
        assertThat(statusesOf(seen, "c")).containsExactly("pending", "running", "completed");
        assertThat(statusesOf(seen, "d")).containsExactly("skipped");

        Predicate<Event> aToB = e -> e.name().equals("signal") && e.json().path("source_node").asString().equals("a")
                && e.json().path("target_node").asString().equals("b");
        assertThat(indexOf(seen, status("a", "running"))).isLessThan(indexOf(seen, aToB));
        assertThat(indexOf(seen, aToB)).isLessThan(indexOf(seen, status("b", "pending")));
        JsonNode signal = seen.get(indexOf(seen, aToB)).json();
        assertThat(signal.path("payload").path("close").asInt()).isEqualTo(2);
        assertThat(signal.path("signal_type").asString()).isNotBlank();

        assertThat(seen).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("log");
            assertThat(e.json().path("node_id").asString()).isEqualTo("c");
            assertThat(e.json().path("message").asString()).startsWith("completed in");
        });
        int finished = indexOf(seen, named("cycle_finished"));
        assertThat(seen.get(finished).json().path("status").asString()).isEqualTo("completed");
        assertThat(seen.subList(finished + 1, seen.size())).noneMatch(named("node_status"));
        assertThat(seen.getLast().json().path("source").asString()).isEqualTo("SCHEDULER");
    }

    @Test
    void a_client_that_reconnects_with_last_event_id_sees_every_event_exactly_once() {
        String flowId = register("resume", Flows.branching());
        try (EventStream reference = EventStream.open(port, events(flowId), null)) {
            List<Event> before;
            try (EventStream interrupted = EventStream.open(port, events(flowId), null)) {
                runCycle(flowId);
                before = interrupted.take(6, PATIENCE);
            }
            // While this client is away, the cycle ends and another one runs.
            List<Event> all = new ArrayList<>(reference.until(cycleEndLine(0), PATIENCE));
            runCycle(flowId);
            all.addAll(reference.until(cycleEndLine(1), PATIENCE));
            List<Event> after;
            try (EventStream resumed = EventStream.open(port, events(flowId), before.getLast().id())) {
                after = resumed.until(e -> e.id().equals(all.getLast().id()), PATIENCE);
            }
            List<Event> together = new ArrayList<>(before);
            together.addAll(after);
            assertThat(after).noneMatch(named("gap"));
            assertThat(together).containsExactlyElementsOf(all);
        }
    }

    @Test
    void a_client_behind_the_retention_window_gets_a_gap_event_first_then_what_is_retained() {
        String flowId = register("behind", Flows.single("behind"));
        String firstId;
        try (EventStream stream = EventStream.open(port, events(flowId), null)) {
            runCycle(flowId);
            firstId = stream.next(PATIENCE).id();
            stream.until(cycleEndLine(0), PATIENCE);
        }
        // Each cycle of one node makes about eight events; 40 are retained.
        for (long cycle = 1; cycle <= 8; cycle++) {
            runCycle(flowId);
            awaitCycleEnd(flowId, cycle);
        }
        String lastId;
        try (EventStream stream = EventStream.open(port, events(flowId) + "?last_event_id=0-0", null)) {
            List<Event> retained = stream.until(cycleEndLine(8), PATIENCE);
            lastId = retained.getLast().id();
            assertThat(retained.getFirst().name()).isEqualTo("gap");
        }

        try (EventStream late = EventStream.open(port, events(flowId), firstId)) {
            Event gap = late.next(PATIENCE);
            assertThat(gap.name()).isEqualTo("gap");
            assertThat(gap.json().path("last_event_id").asString()).isEqualTo(firstId);
            EventId lostThrough = EventId.parse(gap.json().path("lost_through").asString());
            assertThat(gap.id()).isEqualTo(lostThrough.toString());
            assertThat(lostThrough).isGreaterThan(EventId.parse(firstId));

            List<Event> rest = late.until(e -> e.id().equals(lastId), PATIENCE);
            assertThat(rest).hasSize(40).noneMatch(named("gap"));
            assertThat(EventId.parse(rest.getFirst().id())).isGreaterThan(lostThrough);
        }

        // Acknowledging the gap (resuming after it) reports no loss.
        try (EventStream acknowledged = EventStream.open(port, events(flowId), lostThroughOf(flowId, firstId))) {
            assertThat(acknowledged.next(PATIENCE).name()).isNotEqualTo("gap");
        }
    }

    private String lostThroughOf(String flowId, String lastEventId) {
        try (EventStream stream = EventStream.open(port, events(flowId), lastEventId)) {
            return stream.next(PATIENCE).id();
        }
    }

    @Test
    void an_idle_stream_gets_heartbeat_comments() {
        String flowId = register("idle", Flows.single("idle"));
        try (EventStream stream = EventStream.open(port, events(flowId), null)) {
            await().atMost(PATIENCE).until(() -> stream.comments() >= 3);
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void an_unknown_flow_is_a_404_problem_and_a_malformed_last_event_id_a_400() throws Exception {
        HttpResponse<String> unknown = sse(events("never-registered"), null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(unknown.body()).path("code").asString()).isEqualTo("flow_not_found");

        String flowId = register("malformed", Flows.single("malformed"));
        HttpResponse<String> malformed = sse(events(flowId), "yesterday");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed.body()).path("code").asString()).isEqualTo("invalid_parameter");

        HttpResponse<String> badId = sse(events("bad.id"), null);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(json(badId.body()).path("code").asString()).isEqualTo("invalid_id");
    }

    @Test
    void the_openapi_document_describes_the_stream() {
        Response docs = api.get("/v3/api-docs");
        JsonNode operation = docs.json().path("paths").path("/api/v1/flows/{flowId}/events").path("get");

        assertThat(operation.isMissingNode()).as(docs.body()).isFalse();
        assertThat(operation.path("responses").path("200").path("content").has("text/event-stream")).isTrue();
        assertThat(operation.path("parameters").values().stream().map(p -> p.path("name").asString()))
                .contains("flowId", "Last-Event-ID", "last_event_id");
    }

    private HttpResponse<String> sse(String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
