package dev.modelzoo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelzoo.finetune.FineTuneService;
import dev.modelzoo.finetune.JobEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Streams a job's events as SSE: replays what is stored, then polls the database for new ones (any instance may
 * run the job), until the job reaches a final state or the client goes away.
 */
@ApplicationScoped
public class JobEventStream {

    private static final Logger LOG = Logger.getLogger(JobEventStream.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /**
     * A quiet job (a long featurize) still sends a comment this often, so clients and proxies can tell a live
     * stream from a dead connection (the Java client reconnects after 60 s of silence).
     */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /** A client that stays longer than this is asked to reconnect (it resumes with Last-Event-ID). */
    private static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final FineTuneService service;
    private final ObjectMapper mapper;
    // streams outlive their request: they run on their own threads, never on the request workers
    private final ExecutorService streams = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fine-tune-events");
        thread.setDaemon(true);
        return thread;
    });

    public JobEventStream(FineTuneService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    /** Starts streaming in the background and returns at once, as JAX-RS expects of SSE resources. */
    void start(UUID jobId, long afterId, SseEventSink sink, Sse sse) {
        streams.execute(() -> stream(jobId, afterId, sink, sse));
    }

    private void stream(UUID jobId, long afterId, SseEventSink sink, Sse sse) {
        long last = afterId;
        long deadline = System.nanoTime() + MAX_STREAM.toNanos();
        long lastSent = System.nanoTime();
        try (sink) {
            while (!sink.isClosed() && System.nanoTime() < deadline) {
                List<JobEvent> events = service.events(jobId, last);
                for (JobEvent event : events) {
                    sink.send(sse.newEventBuilder().id(String.valueOf(event.id)).name(event.type.wireName())
                            .data(json(event)).build())
                            .toCompletableFuture().join();
                    last = event.id;
                    lastSent = System.nanoTime();
                }
                if (events.isEmpty() && service.job(jobId).status.isFinal()) {
                    return;
                }
                if (System.nanoTime() - lastSent > KEEP_ALIVE.toNanos()) {
                    sink.send(sse.newEventBuilder().comment("keep-alive").build()).toCompletableFuture().join();
                    lastSent = System.nanoTime();
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf("Event stream of job %s ended: %s", jobId, e.getMessage());
        }
    }

    /** The event's data: its payload fields and the time it was recorded. */
    private String json(JobEvent event) {
        try {
            ObjectNode payload = mapper.valueToTree(event.payload);
            payload.put("time", event.createdAt.toString());
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
