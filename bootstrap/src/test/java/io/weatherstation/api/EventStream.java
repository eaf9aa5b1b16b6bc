package io.weatherstation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A real Server-Sent Events client over {@link HttpClient}: reads a {@code text/event-stream}
 * line by line on a thread of its own, the way a browser's EventSource parses it (fields
 * {@code id}, {@code event}, {@code data}; comments counted), and hands out the events in order.
 */
public final class EventStream implements AutoCloseable {

    /** One dispatched event. */
    public record Event(String id, String name, String data) {

        public JsonNode json() {
            return Api.JSON.readTree(data);
        }

        @Override
        public String toString() {
            return id + " " + name + " " + data;
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final Thread reader;
    private volatile boolean ended;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().name("sse-client").start(this::read);
    }

    /** Opens {@code GET path} with {@code Accept: text/event-stream} and, when given, {@code Last-Event-ID}. */
    public static EventStream open(int port, String path, @Nullable String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new EventStream(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            // closed by the test, or by the server
        } finally {
            ended = true;
        }
    }

    /** The next event, waiting up to {@code patience}; fails when none comes. */
    public Event next(Duration patience) {
        try {
            Event event = events.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("an event within " + patience).isNotNull();
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Events up to and including the first that matches {@code last}. */
    public List<Event> until(Predicate<Event> last, Duration patience) {
        List<Event> read = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            read.add(event);
            if (last.test(event)) {
                return read;
            }
        }
    }

    /** Exactly {@code count} events. */
    public List<Event> take(int count, Duration patience) {
        List<Event> read = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            read.add(next(patience));
        }
        return read;
    }

    /** Comment lines received (heartbeats and the greeting). */
    public int comments() {
        return comments.get();
    }

    public boolean ended() {
        return ended;
    }

    /** Disconnects, as a browser tab that closes. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
    }
}
