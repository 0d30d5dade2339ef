package dev.modelzoo.client;

import dev.modelzoo.client.view.JobEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A job's server-sent events as an iterator: past events first, then new ones as the job makes them, ending when
 * the server closes the stream (the job is final, or the stream reached its time limit: resume after
 * {@link #lastEventId()}), or nothing (not even the server's keep-alive comment) arrived for the idle limit. Close
 * it to stop listening early; closing from another thread ends a blocked {@link #hasNext()}.
 */
public final class EventStream implements Iterator<JobEvent>, AutoCloseable {

    private final InputStream body;
    private final BufferedReader reader;
    private final IdleGuard idle;
    private long lastEventId;
    private JobEvent next;
    private boolean ended;

    EventStream(InputStream body, long afterId, Duration idleLimit) {
        this.body = body;
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.idle = IdleGuard.watch(body, idleLimit);
        this.lastEventId = afterId;
    }

    /** The id of the last event read (the {@code afterId} it was opened with before any). */
    public long lastEventId() {
        return lastEventId;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = read();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public JobEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the event stream has ended");
        }
        JobEvent event = next;
        next = null;
        lastEventId = event.id();
        return event;
    }

    /** Reads lines up to the blank line that ends an event (text/event-stream); null at the end of the stream. */
    private JobEvent read() {
        String id = null;
        String name = "message";
        StringBuilder data = null;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                idle.touch();
                if (line.isEmpty()) {
                    if (data != null) {
                        return event(id, name, data.toString());
                    }
                    id = null;
                    name = "message";
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                        // "retry" and unknown fields do not concern a job's events
                    }
                }
            }
            // an event without its closing blank line was cut off: text/event-stream discards it
            return null;
        } catch (IOException e) {
            String why = idle.fired() ? "nothing arrived within the idle limit" : e.getMessage();
            throw new UncheckedIOException("the event stream broke: " + why, e);
        }
    }

    private JobEvent event(String id, String name, String data) {
        long eventId = lastEventId;
        if (id != null && id.strip().matches("\\d{1,18}")) {
            eventId = Long.parseLong(id.strip());
        }
        JobEvent.Type type;
        try {
            type = JobEvent.Type.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            type = JobEvent.Type.OTHER;
        }
        try {
            return new JobEvent(eventId, type, Transport.JSON.readValue(data, JobEvent.Data.class));
        } catch (IOException e) {
            throw new ClientException("unreadable event " + eventId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        idle.close();
        try {
            // the body, not the reader: the reader's lock is held by a blocked read on another thread
            body.close();
        } catch (IOException e) {
            // closing is how a listener leaves; nothing to report
        }
    }
}
