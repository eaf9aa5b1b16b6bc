package io.weatherstation.execution.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.journal.application.port.in.FollowFlowEventsUseCase;
import io.weatherstation.journal.application.port.in.FollowFlowEventsUseCase.Follower;
import io.weatherstation.journal.application.port.in.TooManyFollowersException;
import io.weatherstation.journal.domain.EventId;
import io.weatherstation.journal.domain.EventPage;
import io.weatherstation.journal.domain.StoredEvent;
import io.weatherstation.shared.adapter.in.web.ApiProblems;
import io.weatherstation.shared.domain.FlowId;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A flow's live events as Server-Sent Events. Each stream has its own virtual thread that reads
 * the flow's event log from the client's position and writes what it read, so a slow client only
 * slows its own reading (nothing queues up for it) and a reconnecting client resumes after its
 * {@code Last-Event-ID}. Streams end when the station shuts down, before the web server waits for
 * requests to finish.
 */
@RestController
@RequestMapping("/api/v1/flows/{flowId}")
@Tag(name = "Live events", description = "A flow's node statuses, logs, signals and cycles as they happen (SSE)")
class FlowEventsController implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FlowEventsController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long RECONNECT_MILLIS = 2_000;

    private final FollowFlowEventsUseCase events;
    private final QueryFlowsUseCase flows;
    private final Duration heartbeat;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    FlowEventsController(FollowFlowEventsUseCase events, QueryFlowsUseCase flows,
            @Value("${station.events.heartbeat:15s}") Duration heartbeat) {
        this.events = events;
        this.flows = flows;
        this.heartbeat = heartbeat;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow the flow's live events (Server-Sent Events)", description = """
            A text/event-stream of the flow's events from now on, on whichever instance ran them: \
            cycle_started, node_status (every node task status change), log (journal lines), signal \
            (signals sent, STOP_EXECUTION included) and cycle_finished (completed, failed or terminated). \
            Each event has an id (<milliseconds>-<sequence>, growing), an event name and a JSON object \
            as data, with flow_id and at. A client that reconnects with the Last-Event-ID header (browsers \
            do it by themselves) or last_event_id gets every later event once, in order, as long as that \
            id is within the retention window (at least the last 10 000 events of the flow, for 24 h after \
            its last event); when it is older, the stream starts with a gap event (lost_through: the \
            newest id that may be missing) followed by what is retained. Comments (': heartbeat') keep \
            idle connections open.""")
    @ApiResponse(responseCode = "200", description = "the event stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string", example = """
                    id: 1732370000000-0
                    event: node_status
                    data: {"flow_id":"candle","cycle":0,"node_id":"price","status":"running",...}
                    """)))
    @ApiResponse(responseCode = "503", description = "this instance serves its maximum of streams (too_many_streams)")
    SseEmitter follow(@PathVariable FlowId flowId,
            @Parameter(in = ParameterIn.HEADER, name = "Last-Event-ID",
                    description = "resume after this event id (sent by EventSource when it reconnects)")
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
            @Parameter(description = "resume after this event id, for clients that cannot set the header")
            @RequestParam(name = "last_event_id", required = false) @Nullable String lastEventIdParameter) {
        EventId after = position(lastEventIdHeader, lastEventIdParameter);
        Lookups.flow(flows, flowId);
        Follower follower;
        try {
            follower = events.follow(flowId, after);
        } catch (TooManyFollowersException e) {
            throw ApiProblems.exception(ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "too_many_streams",
                    "Too many event streams", e.getMessage(), Map.of("limit", e.limit())));
        }
        SseEmitter emitter = new SseEmitter(0L);
        Stream stream = new Stream(flowId, follower, emitter, after);
        streams.add(stream);
        emitter.onCompletion(stream::stop);
        emitter.onError(error -> stream.stop());
        emitter.onTimeout(stream::stop);
        stream.thread = Thread.ofVirtual().name("events-" + flowId.value()).start(stream::run);
        return emitter;
    }

    private static @Nullable EventId position(@Nullable String header, @Nullable String parameter) {
        String text = header != null && !header.isBlank() ? header : parameter;
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return EventId.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalidParameter("last_event_id", "'Last-Event-ID' " + e.getMessage());
        }
    }

    /** One client's stream. */
    private final class Stream {
        private final FlowId flowId;
        private final Follower follower;
        private final SseEmitter emitter;
        private final @Nullable EventId requested;
        private volatile @Nullable Thread thread;
        private volatile boolean stopped;

        Stream(FlowId flowId, Follower follower, SseEmitter emitter, @Nullable EventId requested) {
            this.flowId = flowId;
            this.follower = follower;
            this.emitter = emitter;
            this.requested = requested;
        }

        void run() {
            try {
                emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("events of flow " + flowId));
                while (!stopped) {
                    EventPage page = follower.next(heartbeat);
                    if (page.lostThrough() != null) {
                        emitter.send(SseEmitter.event().id(page.lostThrough().toString()).name("gap")
                                .data(json(gap(page.lostThrough())), MediaType.APPLICATION_JSON));
                    }
                    for (StoredEvent event : page.events()) {
                        emitter.send(SseEmitter.event().id(event.id().toString()).name(event.event().type().wireName())
                                .data(json(event.event().data()), MediaType.APPLICATION_JSON));
                    }
                    if (!page.hasGap() && page.events().isEmpty()) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | IllegalStateException e) {
                // The client went away (or the stream was completed meanwhile).
                LOG.debug("event stream of flow {} ended: {}", flowId, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("event stream of flow {} failed: {}", flowId, e.getMessage());
            } finally {
                stop();
                try {
                    emitter.complete();
                } catch (IllegalStateException requestAlreadyEnded) {
                    // The client went away and the container already ended the request with an
                    // error: there is nothing left to complete.
                    LOG.debug("event stream of flow {} had already ended", flowId);
                }
            }
        }

        private Map<String, Object> gap(EventId lostThrough) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("flow_id", flowId.value());
            data.put("last_event_id", requested == null ? EventId.ZERO.toString() : requested.toString());
            data.put("lost_through", lostThrough.toString());
            data.put("message", "events after last_event_id up to lost_through may be missing: they are older than "
                    + "the retention window (" + events.retention() + ")");
            return data;
        }

        void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            streams.remove(this);
            follower.close();
            Thread current = thread;
            if (current != null && current != Thread.currentThread()) {
                current.interrupt();
            }
        }
    }

    private static String json(Object data) {
        return JSON.writeValueAsString(data);
    }

    // -------------------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream, so a graceful shutdown does not wait for clients that never leave. */
    @Override
    public void stop() {
        running = false;
        for (Stream stream : Set.copyOf(streams)) {
            stream.stop();
            stream.emitter.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
