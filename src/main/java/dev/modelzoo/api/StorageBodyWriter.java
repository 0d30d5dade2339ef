package dev.modelzoo.api;

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
 * stream and no byte is copied through the heap. Status and headers are the resource's.
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
        body.upstream().pipeTo(body.target(), piped -> {
            if (piped.succeeded()) {
                body.onComplete().run();
            } else {
                // the client left or the store broke off: the connection is closed, the body stays short
                LOG.debugf("Artifact transfer ended early: %s", piped.cause());
            }
            request.resume();
        });
    }

    @Override
    public void writeTo(StorageBody body, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        throw new UnsupportedOperationException("a storage body is written to the Vert.x response only");
    }
}
