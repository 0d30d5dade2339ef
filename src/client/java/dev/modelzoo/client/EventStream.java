package dev.modelzoo.client;

import dev.modelzoo.client.view.JobEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A job's server-sent events as an iterator: past events first, then new ones as the job makes them, ending when
 * the server closes the stream (the job is final, or the stream reached its time limit: resume after
 * {@link #lastEventId()}). Close it to stop listening early.
 */
public final class EventStream implements Iterator<JobEvent>, AutoCloseable {

    private final BufferedReader reader;
    private long lastEventId;
    private JobEvent next;
    private boolean ended;

    EventStream(InputStream body, long afterId) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
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
            return data == null ? null : event(id, name, data.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("the event stream broke: " + e.getMessage(), e);
        }
    }

    private JobEvent event(String id, String name, String data) {
        long eventId = id == null || id.isBlank() ? lastEventId : Long.parseLong(id.trim());
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
        try {
            reader.close();
        } catch (IOException e) {
            // closing is how a listener leaves; nothing to report
        }
    }
}
