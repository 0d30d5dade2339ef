package dev.modelzoo.api;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes a {@link StorageBody} by piping the storage response into the client's socket on the event loop, with
 * backpressure both ways (as RESTEasy Reactive's own writer for Vert.x files does): no worker thread holds a blocking
 * stream and no byte is copied into the heap. Status and headers are the resource's.
 */
@Provider
@Produces(MediaType.WILDCARD)
public class StorageBodyWriter implements ServerMessageBodyWriter<StorageBody> {

    private static final Logger LOG = Logger.getLogger(StorageBodyWriter.class);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return StorageBody.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return StorageBody.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(StorageBody body, Type genericType, ServerRequestContext context) {
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context;
        request.suspend();
        // RESTEasy copies the resource's headers when the head is written; Vert.x needs the length before any byte
        body.target().putHeader("Content-Length", String.valueOf(body.length()));
        HttpClientResponse upstream = body.upstream();
        HttpServerResponse target = body.target();
        // the last buffer is held back until onComplete (the download count) ran: with Content-Length framing a
        // client is done at its last byte, and a client that has every byte must also see the count
        Buffer[] held = new Buffer[1];
        upstream.handler(buffer -> {
            if (held[0] != null) {
                target.write(held[0]);
            }
            held[0] = buffer;
            if (target.writeQueueFull()) {
                upstream.pause();
                target.drainHandler(drained -> upstream.resume());
            }
        });
        upstream.exceptionHandler(failure -> {
            // the store broke off: the body stays short and the connection is closed, so the client notices
            LOG.debugf("Artifact transfer from storage failed: %s", failure);
            target.reset();
            request.resume();
        });
        target.closeHandler(closed -> {
            if (!target.ended()) {
                // the client left: stop reading from the store
                upstream.request().connection().close();
            }
        });
        upstream.endHandler(ended -> Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                body.onComplete().run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not count a download");
            } finally {
                if (held[0] == null) {
                    target.end();
                } else {
                    target.end(held[0]);
                }
                request.resume();
            }
        }));
        upstream.resume();
    }

    @Override
    public void writeTo(StorageBody body, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        throw new UnsupportedOperationException("a storage body is written to the Vert.x response only");
    }
}
