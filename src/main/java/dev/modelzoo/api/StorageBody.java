package dev.modelzoo.api;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;

/**
 * An artifact body still in object storage: the storage's response of {@code length} bytes, piped to {@code target}
 * by {@link StorageBodyWriter}; {@code onComplete} (blocking) runs on a worker once every byte went out, before the
 * response ends.
 */
public record StorageBody(HttpClientResponse upstream, long length, HttpServerResponse target,
        Runnable onComplete) {
}
